// Kept letters survive a crash: a real process keeping letters is killed (SIGKILL) at random
// moments; the file always opens (in Letter Lab and scipy) with every letter it had reported kept.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LettersCollectionFile, readLettersFile } from '../../../src-main/core/letters';
import { mulberry32 } from '../../../src-main/core/random';
import { HAS_SCIPY, picture, python, tempFolder } from './helpers';

/** The kill moments come from this seed (logged); LETTERS_CRASH_SEED=<n> repeats a run. */
const SEED = Number(process.env.LETTERS_CRASH_SEED) || Math.floor(Math.random() * 2 ** 31);

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempFolder()));
afterAll(() => remove());

describe('my letters under crashes', () => {
  it('never loses a kept letter when the keeping process is killed at random', async () => {
    const file = path.join(dir, 'my-letters.mat');
    const fixture = path.join(import.meta.dirname, 'fixtures', 'keep-loop.ts');
    const outcomes: string[] = [];
    const random = mulberry32(SEED);
    console.log(
      `letters crash: seed ${SEED} (LETTERS_CRASH_SEED=${SEED} repeats these kill moments)`,
    );
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', fixture, file], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      let reported = 0;
      let keptThisRound = 0;
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          for (const match of chunk.toString().matchAll(/kept (\d+)/g)) {
            reported = Number(match[1]);
            keptThisRound++;
          }
          if (keptThisRound >= 3 + round) resolve();
        });
        child.on('exit', () => reject(new Error('the keeping child exited on its own')));
      });
      await new Promise((r) => setTimeout(r, random() * 50));
      child.kill('SIGKILL');
      await exited;
      const left = (await readdir(dir)).map((n) => n.replace(/-\d+-[0-9a-f]{8}$/, '-*'));
      const letters = await readLettersFile(file, 100_000);
      // Everything reported kept is there, maybe one more (killed after the rename, before the print).
      expect(letters.length).toBeGreaterThanOrEqual(reported);
      expect(letters.length).toBeLessThanOrEqual(reported + 1);
      letters.forEach((letter, k) => {
        expect(Buffer.from(letter.pixels).equals(Buffer.from(picture(k)))).toBe(true);
        expect(letter.label).toBe(k % 10);
      });
      outcomes.push(`${left.sort().join('+')} -> ${letters.length} (reported ${reported})`);
    }
    // The next open removes what dead processes left.
    await new LettersCollectionFile(file).read();
    expect(await readdir(dir)).toEqual(['my-letters.mat']);
    if (HAS_SCIPY) {
      const count = python(
        'import sys; from scipy.io import loadmat; d = loadmat(sys.argv[1]); print(d["images"].shape[2], d["labels"].shape[0])',
        [file],
      ).trim();
      const n = (await readLettersFile(file, 100_000)).length;
      expect(count).toBe(`${n} ${n}`);
    }
    console.log('after each kill (files left -> letters in the file):', outcomes.join(', '));
  }, 240_000);
});
