import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL ?? 'postgres://shop:shop@localhost:5432/shop' });

afterAll(() => pool.end());

it('writes an order row to the real database', async () => {
  const { rows } = await pool.query("insert into orders (book_id, quantity, price) values ('b-1', 1, 1) returning id");
  expect(rows[0].id).toBeGreaterThan(0);
});
