const fs = jest.createMockFromModule('fs');
fs.readFileSync = () => '';
module.exports = fs;
