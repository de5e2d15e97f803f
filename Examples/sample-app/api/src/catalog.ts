import { promises as fs } from 'fs';

export async function loadCatalog(path: string) {
  return JSON.parse(await fs.readFile(path, 'utf8'));
}
