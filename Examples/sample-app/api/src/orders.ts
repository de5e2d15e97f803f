import axios from 'axios';
import Redis from 'ioredis';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const cache = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');

// Unit tests replace these with jest.mock('pg') and jest.mock('axios'); production code is never reported.
export async function placeOrder(bookId: string, quantity: number) {
  const price = await axios.get(`https://pricing.example.com/books/${bookId}`);
  const { rows } = await pool.query(
    'insert into orders (book_id, quantity, price) values ($1, $2, $3) returning id',
    [bookId, quantity, price.data.amount],
  );
  await cache.del(`book:${bookId}`);
  return rows[0].id as number;
}
