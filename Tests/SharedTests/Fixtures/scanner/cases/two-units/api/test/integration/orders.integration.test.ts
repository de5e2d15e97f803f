import { Pool } from 'pg';

const pool = new Pool({ connectionString: 'postgres://app:app@localhost:5432/app' });

test('stores an order', async () => {
  await pool.query('INSERT INTO orders(id) VALUES (1)');
});
