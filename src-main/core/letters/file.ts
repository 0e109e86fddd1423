// Reading and writing letters files on disk. A write goes to a temporary file beside the target,
// is flushed, then renamed over it: a crash at any moment leaves the previous file or the new one,
// never a mix. Temporary files of dead processes are removed the next time the file is opened.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { LetterLabError } from '../errors';
import { readMat, readMatFile } from '../mat/read';
import type { MatFile } from '../mat/types';
import { syncFolder, writeFileDurably } from '../model/files';
import { CAMPER, CAMPERS, decodeLetters, encodeLetters } from './codec';
import { LABELS, IMAGES } from '../dataset/variables';
import type { StoredLetter } from './letter';

const TEMP = '.tmp-';
const SMALL_VARIABLES = [LABELS, CAMPER, CAMPERS];

function tooMany(label: string, count: number, limit: number): LetterLabError {
  return new LetterLabError(
    'letters.too-many',
    `${label} holds ${count} letters; a letters collection holds at most ${limit}. ` +
      'Split it into smaller files, or use it in the Letters tab instead.',
  );
}

function labelsCount(mat: MatFile): number {
  const labels = mat.variables.find((v) => v.name === LABELS);
  return labels?.data?.length ?? 0;
}

/** Letters of a file's bytes (an upload); `limit` refuses big files before their pictures are read. */
export function readLettersBytes(bytes: Uint8Array, label: string, limit: number): StoredLetter[] {
  const count = labelsCount(readMat(bytes, { only: SMALL_VARIABLES }));
  if (count > limit) throw tooMany(label, count, limit);
  return decodeLetters(readMat(bytes, { only: [IMAGES, ...SMALL_VARIABLES] }), label);
}

/** Letters of a file on disk; see readLettersBytes. */
export async function readLettersFile(file: string, limit: number): Promise<StoredLetter[]> {
  const label = path.basename(file);
  const count = labelsCount(await readMatFile(file, { only: SMALL_VARIABLES }));
  if (count > limit) throw tooMany(label, count, limit);
  return decodeLetters(await readMatFile(file, { only: [IMAGES, ...SMALL_VARIABLES] }), label);
}

function tempOf(file: string): string {
  return `${file}${TEMP}${process.pid}-${randomBytes(4).toString('hex')}`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files of `file` that processes which are gone left behind. */
export async function removeStaleTemps(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}${TEMP}`;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const match = name.startsWith(prefix)
      ? /^(\d+)-[0-9a-f]{8}$/.exec(name.slice(prefix.length))
      : null;
    if (match && Number(match[1]) !== process.pid && !pidAlive(Number(match[1]))) {
      await rm(path.join(dir, name), { force: true });
    }
  }
}

/** Writes `letters` to `file` atomically (temporary file, flush, rename, flush the folder). */
export async function writeLettersFile(
  file: string,
  letters: readonly StoredLetter[],
): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = tempOf(file);
  try {
    await writeFileDurably(temp, encodeLetters(letters));
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    const reason = err instanceof Error ? err.message : String(err);
    throw new LetterLabError(
      'letters.write-failed',
      `Letter Lab could not save the letters to ${file} (${reason}). Check that the folder may be written to and the disk is not full.`,
    );
  }
  await syncFolder(dir);
}
