import axios from 'axios';
import { placeOrder } from './orders';

jest.mock('pg', () => ({
  Pool: jest.fn(() => ({ query: jest.fn().mockResolvedValue({ rows: [{ id: 7 }] }) })),
}));
jest.mock('ioredis');
jest.mock('axios');

describe('placeOrder', () => {
  it('prices the book and stores the order', async () => {
    (axios.get as jest.Mock).mockResolvedValue({ data: { amount: 1200 } });
    await expect(placeOrder('b-1', 2)).resolves.toBe(7);
  });
});
