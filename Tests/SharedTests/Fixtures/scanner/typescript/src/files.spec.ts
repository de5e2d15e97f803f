import { vi, it, expect } from 'vitest';
import fs from 'node:fs';
vi.mock('node:fs/promises');

it('stubs a synchronous read', () => {
  vi.spyOn(fs, 'readFileSync').mockReturnValue('{}');
  const example = "vi.mock('redis')";
  /* vi.mock('pg') inside a block comment */
  expect(example).toContain('redis');
});
