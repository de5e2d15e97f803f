const amqplib = require('amqplib');

test('round trip', async () => {
  const connection = await amqplib.connect('amqp://localhost');
  await connection.close();
});
