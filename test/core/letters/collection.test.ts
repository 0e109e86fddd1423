// The kept-letters collection: saved on every change, duplicates refused, relabel and delete,
// held-back letters decided by the picture, class files merged with per-camper counts.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOLD_BACK_EVERY,
  LettersCollectionFile,
  camperCounts,
  camperFromFileName,
  isHeldBack,
  mergeLetters,
  readLettersFile,
} from '../../../src-main/core/letters';
import { picture, someLetters, tempFolder } from './helpers';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempFolder()));
afterAll(() => remove());

describe('a kept-letters collection', () => {
  it('is written to disk before each change returns, and reads back the same', async () => {
    const file = path.join(dir, 'mine', 'my-letters.mat');
    const mine = new LettersCollectionFile(file);
    expect(await mine.read()).toEqual([]);
    const { added } = await mine.add(picture(1), 2);
    expect((await readLettersFile(file, 100)).map((l) => [l.id, l.label])).toEqual([[added.id, 2]]);
    const second = (await mine.add(picture(2), 0)).added;
    await mine.relabel(added.id, 7);
    await mine.remove(second.id);
    const onDisk = await readLettersFile(file, 100);
    expect(onDisk.map((l) => [l.id, l.label])).toEqual([[added.id, 7]]);
    // No temporary file is left behind.
    expect(await readdir(path.dirname(file))).toEqual(['my-letters.mat']);
  });

  it('refuses the very same picture twice, bad labels and unknown letters, saying why', async () => {
    const mine = new LettersCollectionFile(path.join(dir, 'twice.mat'));
    await mine.add(picture(5), 1);
    await expect(mine.add(picture(5), 3)).rejects.toThrow(
      /already kept \(letter 1 of the file, kept as B\)/,
    );
    await expect(mine.add(picture(6), 10)).rejects.toThrow(/not a letter from A to J/);
    await expect(mine.relabel('0123456789abcdef', 1)).rejects.toThrow(/no kept letter/);
    expect(await mine.read()).toHaveLength(1);
  });

  it('keeps every change when many come at once (they run one after another)', async () => {
    const mine = new LettersCollectionFile(path.join(dir, 'many.mat'));
    await Promise.all(Array.from({ length: 25 }, (_, i) => mine.add(picture(100 + i), i % 10)));
    const letters = await readLettersFile(mine.file, 100);
    expect(letters).toHaveLength(25);
    expect(new Set(letters.map((l) => l.label)).size).toBe(10);
  });

  it('reads the file again when another process changed it', async () => {
    const file = path.join(dir, 'shared.mat');
    const app = new LettersCollectionFile(file);
    const cli = new LettersCollectionFile(file);
    await app.add(picture(300), 0);
    await cli.add(picture(301), 1);
    expect((await app.add(picture(302), 2)).letters).toHaveLength(3);
  });

  it('stops at its limit with a clear message', async () => {
    const small = new LettersCollectionFile(path.join(dir, 'small.mat'), 2);
    await small.add(picture(1), 0);
    await small.add(picture(2), 0);
    await expect(small.add(picture(3), 0)).rejects.toThrow(/at most 2/);
  });

  it('never overwrites a file that is not a letters file', async () => {
    const file = path.join(dir, 'notes.mat');
    await writeFile(file, 'my homework');
    const wrong = new LettersCollectionFile(file);
    await expect(wrong.add(picture(1), 0)).rejects.toThrow(/not a MATLAB MAT-file/);
  });
});

describe('held-back letters', () => {
  it('are about one in five, and depend on the picture only', () => {
    const letters = someLetters(2000);
    const held = letters.filter((l) => isHeldBack(l.id)).length / letters.length;
    expect(held).toBeGreaterThan(1 / HOLD_BACK_EVERY - 0.03);
    expect(held).toBeLessThan(1 / HOLD_BACK_EVERY + 0.03);
    const relabelled = letters.map((l) => ({ ...l, label: (l.label + 1) % 10 }));
    expect(relabelled.map((l) => isHeldBack(l.id))).toEqual(letters.map((l) => isHeldBack(l.id)));
  });
});

describe('merging class files', () => {
  it('refuses duplicates and counts per camper; names come from the file or its name', () => {
    const ola = someLetters(6, 10, null, 0);
    const kuba = someLetters(4, 10, null, 100);
    const merged = mergeLetters(
      [],
      [
        { name: 'ola.mat', letters: ola },
        { name: 'C:\\USB\\Kuba.mat', letters: kuba },
        { name: 'ola-again.mat', letters: ola.slice(0, 3) },
      ],
    );
    expect(merged.letters).toHaveLength(10);
    expect(merged.files.map((f) => [f.name, f.letters, f.added, f.duplicates])).toEqual([
      ['ola.mat', 6, 6, 0],
      ['C:\\USB\\Kuba.mat', 4, 4, 0],
      ['ola-again.mat', 3, 0, 3],
    ]);
    expect(camperCounts(merged.letters)).toEqual([
      { name: 'ola', count: 6 },
      { name: 'Kuba', count: 4 },
    ]);
    // A class file merged into another keeps who drew what.
    const again = mergeLetters(someLetters(1, 10, 'Ala', 500), [
      { name: 'class.mat', letters: merged.letters },
    ]);
    expect(again.files[0].campers).toEqual([
      { name: 'ola', added: 6, duplicates: 0 },
      { name: 'Kuba', added: 4, duplicates: 0 },
    ]);
    expect(camperCounts(again.letters).map((c) => c.name)).toEqual(['Ala', 'ola', 'Kuba']);
  });

  it('names a camper after the file', () => {
    expect(camperFromFileName('/media/usb/Zosia.mat')).toBe('Zosia');
    expect(camperFromFileName('janek.MAT.gz')).toBe('janek');
    expect(camperFromFileName('.mat')).toBe('camper');
  });
});
