import { promises as fs } from 'fs';
import { loadCatalog } from '../catalog';

test('parses the catalog file', async () => {
  jest.spyOn(fs, 'readFile').mockResolvedValue('[{"id":"b-1"}]');
  await expect(loadCatalog('catalog.json')).resolves.toEqual([{ id: 'b-1' }]);
});
