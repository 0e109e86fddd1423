// Letters for the tests: pictures made from a seed (each one different), and scipy at /usr/bin/python3.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LETTER_PIXELS, makeLetter, type StoredLetter } from '../../../src-main/core/letters';
import { mulberry32 } from '../../../src-main/core/random';

export const PYTHON = '/usr/bin/python3';
export const HAS_SCIPY =
  spawnSync(PYTHON, ['-c', 'import numpy, scipy.io'], { stdio: 'ignore' }).status === 0;
if (!HAS_SCIPY) console.log(`${PYTHON} with scipy is not available: scipy checks are skipped.`);

/** Runs a Python script with /usr/bin/python3 and returns what it printed. */
export function python(script: string, args: string[] = []): string {
  return execFileSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8' });
}

/** A picture of grey levels 0..255, different for every seed. */
export function picture(seed: number): Uint8Array {
  const random = mulberry32(seed + 1);
  return Uint8Array.from({ length: LETTER_PIXELS }, () =>
    random() < 0.3 ? Math.floor(random() * 256) : 0,
  );
}

/** `count` letters with labels 0, 1, 2, ... (mod `classes`). */
export function someLetters(
  count: number,
  classes = 10,
  camper: string | null = null,
  first = 0,
): StoredLetter[] {
  return Array.from({ length: count }, (_, i) =>
    makeLetter(picture(first + i), (first + i) % classes, camper),
  );
}

export async function tempFolder(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-letters-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
