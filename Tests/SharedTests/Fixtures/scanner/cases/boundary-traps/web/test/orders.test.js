const sinon = require('sinon');
const OrderRepository = require('../src/order-repository');
const logger = require('../src/logger');
const config = require('../src/config');

test('orders', () => {
  sinon.stub(OrderRepository.prototype, 'addOrder').throws(new Error('x'));
  sinon.stub(process, 'exit');
  sinon.stub(logger, 'error');
  jest.spyOn(config, 'get').mockReturnValue('x');
  jest.useFakeTimers();
  jest.spyOn(Date, 'now').mockReturnValue(0);
  process.env.API_KEY = 'x';
});
