import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

const server = setupServer(
  http.get('https://api.github.com/users/:id', () => HttpResponse.json({ login: 'octocat' })),
);

beforeAll(() => server.listen());
afterAll(() => server.close());
