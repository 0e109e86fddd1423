import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMat, readMatFile } from '../../../src-main/core/mat/read';
import { writeMat5 } from '../../../src-main/core/mat/write';
import { tempDir } from './env';
import { numbers, rowMajor } from './values';

describe('readMatFile', () => {
  let dir = '';
  let remove: () => Promise<void> = async () => undefined;
  beforeAll(async () => ({ dir, remove } = await tempDir()));
  afterAll(() => remove());

  const vars = [
    {
      name: 'images',
      class: 'double' as const,
      dims: [3, 2, 4],
      data: Array.from({ length: 24 }, (_, i) => i),
    },
    { name: 'labels', class: 'double' as const, dims: [4, 1], data: [0, 1, 1, 0] },
  ];

  for (const [label, make] of [
    ['plain', () => writeMat5(vars)],
    ['big-endian', () => writeMat5(vars, { endian: 'be' })],
    ['compressed', () => writeMat5(vars, { compress: true })],
    ['gzipped', () => gzipSync(writeMat5(vars))],
  ] as const) {
    it(`reads a ${label} file like readMat reads its bytes, reporting progress`, async () => {
      const bytes = make();
      const path = join(dir, `${label}.mat${label === 'gzipped' ? '.gz' : ''}`);
      await writeFile(path, bytes);
      const seen: [number, string][] = [];
      const fromFile = await readMatFile(path, { onProgress: (f, s) => seen.push([f, s]) });
      expect(fromFile).toEqual(readMat(bytes));
      expect(fromFile.gzip).toBe(label === 'gzipped');
      expect(seen.at(-1)?.[0]).toBe(1);
      for (let i = 1; i < seen.length; i++)
        expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
      const rows = await readMatFile(path, { only: ['images'], rowMajor: true });
      expect(numbers(rows.variables[0])).toEqual(rowMajor(vars[0].data, vars[0].dims));
      expect(rows.variables[1].data).toBeUndefined();
    });
  }

  it('recognises gzip by its magic bytes, whatever the file is called', async () => {
    const path = join(dir, 'really-gzip.mat');
    await writeFile(path, gzipSync(writeMat5(vars)));
    expect((await readMatFile(path)).gzip).toBe(true);
  });
});
