const sinon = require('sinon');
const nock = require('nock');
const stripe = require('../../src/stripe');

describe('payments', () => {
  beforeEach(() => {
    nock('https://api.stripe.com').post('/v1/charges').reply(200, {});
    sinon.stub(stripe, 'charge').resolves({ id: 'ch_1' });
  });

  it('charges', async () => {
    expect(await stripe.charge(100)).toEqual({ id: 'ch_1' });
  });
});
