import { Pool } from 'pg';

export const pool = new Pool();

export async function query(text: string, params: unknown[]) {
  return pool.query(text, params);
}

export function getUser(id: number) {
  return query('SELECT id, email FROM users WHERE id = $1', [id]);
}

// export function findUser() {} — commented out, not an export
export type Row = Record<string, unknown>;
