const sinon = require('sinon');
const mailer = require('../src/mailer');

test('sends', () => {
  sinon
    .stub(mailer, 'send')
    .resolves({ id: 1 });
  vi.stubGlobal('fetch', vi.fn());
});
