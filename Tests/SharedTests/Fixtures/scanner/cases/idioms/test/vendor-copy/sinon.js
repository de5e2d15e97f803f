// A vendored copy of the mocking library itself.
function stub() {}
sinon.stub(obj, 'method');
jest.mock('axios');
