import axios from 'axios';
import { pool } from './db';
import { getUser } from './users';

// jest.mock('fs') is only mentioned in this comment.
jest.mock('axios');
jest.mock('./db');

describe('getUser', () => {
  it('combines the row and the profile', async () => {
    const query = jest.spyOn(pool, 'query');
    query.mockResolvedValue({ rows: [{ id: 1 }] } as never);
    (axios.get as jest.Mock).mockResolvedValue({ data: { name: 'Ada' } });
    expect(await getUser(1)).toEqual({ id: 1, profile: { name: 'Ada' } });
  });
});
