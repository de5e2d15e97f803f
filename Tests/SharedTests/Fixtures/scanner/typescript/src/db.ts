import { Pool } from 'pg';

// Tests call jest.mock('pg') to replace this pool; this comment is not a mock.
export const hint = "write jest.mock('axios') in your test";
export const pool = new Pool();
