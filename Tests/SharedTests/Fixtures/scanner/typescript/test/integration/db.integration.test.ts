import { Pool } from 'pg';

const pool = new Pool({
  connectionString: process.env.DATABASE_URL ?? 'postgres://app:app@localhost:5432/app',
});

it('round-trips a row against a real database', async () => {
  const result = await pool.query('select 1 as one');
  expect(result.rows[0].one).toBe(1);
});
