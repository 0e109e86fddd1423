import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LetterLabError } from '../../../src-main/core/errors';
import { readMat, readMatFile } from '../../../src-main/core/mat/read';
import { CASES, IMAGES_AT, innerLie, patch, valid } from './bad-files';
import { tempDir } from './env';

describe('readMat and readMatFile reject bad files with specific errors', () => {
  let dir = '';
  let remove: () => Promise<void> = async () => undefined;
  beforeAll(async () => ({ dir, remove } = await tempDir()));
  afterAll(() => remove());

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const bytes = c.make();
    let thrown: unknown;
    try {
      readMat(bytes);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(LetterLabError);
    expect((thrown as LetterLabError).code).toBe(c.code);
    expect((thrown as LetterLabError).message).toMatch(c.message);
    const path = join(dir, `case-${i}.mat${c.gz ? '.gz' : ''}`);
    await writeFile(path, bytes);
    const fromFile = await readMatFile(path).then(
      () => null,
      (err: unknown) => err,
    );
    expect(fromFile).toBeInstanceOf(LetterLabError);
    expect((fromFile as LetterLabError).code).toBe(c.code);
    expect((fromFile as LetterLabError).message).toMatch(c.message);
  });

  it('says when the file does not exist or is a folder', async () => {
    await expect(readMatFile(join(dir, 'missing.mat'))).rejects.toMatchObject({
      code: 'file.not-found',
      message: expect.stringMatching(/There is no file at .*missing\.mat/),
    });
    await mkdir(join(dir, 'folder.mat'));
    await expect(readMatFile(join(dir, 'folder.mat'))).rejects.toMatchObject({
      code: 'file.unreadable',
      message: expect.stringMatching(/is not a file/),
    });
  });

  it('checks sizes before allocating: a 4 GB claim costs no 4 GB buffer', () => {
    const sizes: number[] = [];
    expect(() =>
      readMat(patch(valid(), IMAGES_AT + 4, 0xfffffff0), { onAllocate: (n) => sizes.push(n) }),
    ).toThrow(LetterLabError);
    expect(sizes.every((n) => n < 1024)).toBe(true);
    const bomb = innerLie(2 ** 30, 64);
    expect(() => readMat(bomb, { onAllocate: (n) => sizes.push(n) })).toThrow(LetterLabError);
    expect(Math.max(...sizes)).toBeLessThan(bomb.length * 1032 + 1024);
  });
});
