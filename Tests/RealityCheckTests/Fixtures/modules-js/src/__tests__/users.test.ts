jest.mock('../db', () => ({ query: jest.fn(), getUser: jest.fn() }));
jest.mock('../db', () => ({ query: jest.fn(), findUser: jest.fn() }));
jest.mock('@lib/mailer', () => ({ send: jest.fn(), renderTemplate: jest.fn() }));
jest.mock('@lib/mailer', () => ({ sendMail: jest.fn() }));
jest.mock('../api', () => ({ fetchUser: jest.fn() }));
jest.mock('../reexport', () => ({ __esModule: true, default: jest.fn(), pool: {} }));
jest.mock('axios', () => ({ get: jest.fn() }));
