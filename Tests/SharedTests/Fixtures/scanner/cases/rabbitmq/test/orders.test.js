const { FakeMessageQueueProvider } = require('../libraries/fake-message-queue-provider');

test('publishes', () => {
  const queue = new FakeMessageQueueProvider();
});
