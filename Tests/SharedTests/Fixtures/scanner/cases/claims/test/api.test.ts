import nock from 'nock';
import { http, HttpResponse } from 'msw';

jest.mock('./db', () => ({
  query: jest.fn(),
  getUser: jest.fn(() => ({ id: 1 })),
}));

test('sends', async () => {
  nock('https://mailer.example.org')
    .post('/send', { to: 'a@b.c', subject: 'hi' })
    .reply(202, { id: 'm1', queued: true })
    .get('/status/m1')
    .reply(200, { state: 'sent' });
});

export const handlers = [
  http.get('https://api.github.com/repos/:owner/:repo', () => HttpResponse.json({ id: 1, owner: { login: 'x' }, topics: [] })),
  http.post('https://api.github.com/repos/:owner/:repo/issues', () => HttpResponse.json({ number: 7 }, { status: 201 })),
];
