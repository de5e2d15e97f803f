jest.mock('axios');
