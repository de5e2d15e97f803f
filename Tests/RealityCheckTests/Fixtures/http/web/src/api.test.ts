import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import nock from 'nock';

const server = setupServer(
  http.get('https://api.shop.example.com/v1/users/:id', () => HttpResponse.json({ id: 1, mail: 'a@example.com' })),
  http.get('https://api.shop.example.com/v1/orders', () => HttpResponse.json([{ id: 1, total: 9.5 }])),
  http.delete('https://api.shop.example.com/v1/users/:id', () => new HttpResponse(null, { status: 204 })),
);

test('charges', async () => {
  nock('https://payments.example.com').post('/api/charges', { amount: 100 }).reply(201, { id: 'ch_1', amount: 100 });
  nock('https://payments.example.com').get('/api/refunds').reply(200, []);
});
