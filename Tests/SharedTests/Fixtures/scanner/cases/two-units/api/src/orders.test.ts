jest.mock('pg', () => ({ Pool: jest.fn(), query: jest.fn() }));

test('lists orders', () => {});
