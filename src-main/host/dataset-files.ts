import fs from 'node:fs/promises';
import path from 'node:path';
import { LetterLabError } from '../core/errors';

export const SAMPLE_FILE = path.join('sample', 'sample-letters.mat');
export const SAMPLE_META = path.join('sample', 'sample-letters.json');
const UPLOADS = 'datasets';
/** The real notMNIST_small.mat is 112 MiB; anything far larger is not a letters file. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/** What the UI calls a set: the sample's name from its json, and how many fonts drew it. */
export interface SetName {
  label: string;
  fonts?: number;
}

/** What the UI calls the bundled set, from the json the generator wrote beside it. */
export async function sampleName(resources: string): Promise<SetName> {
  try {
    const meta = JSON.parse(await fs.readFile(path.join(resources, SAMPLE_META), 'utf8')) as {
      name?: unknown;
      fonts?: unknown;
    };
    if (typeof meta.name === 'string') {
      return Array.isArray(meta.fonts) && meta.fonts.length > 0
        ? { label: meta.name, fonts: meta.fonts.length }
        : { label: meta.name };
    }
  } catch {
    // Fall through to a generic label.
  }
  return { label: 'Sample letters' };
}

/** A file name safe to store: no folders, no odd characters, a .mat or .mat.gz ending kept. */
export function safeUploadName(name: string): string {
  const base = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[^\w.\- ]+/g, '_')
    .slice(-120);
  return base === '' || base.startsWith('.') ? `upload-${base}.mat` : base;
}

/** Upload folders whose file is being stored or opened right now: never pruned under its feet. */
const inFlight = new Set<string>();

/** Marks the upload at `file` as finished: a later prune may remove it (unless it is kept). */
export function releaseUpload(file: string): void {
  inFlight.delete(path.dirname(path.resolve(file)));
}

/**
 * Keeps a dropped or picked file in the user's data folder, so it can be reopened on the next
 * start and read by the training process. Each upload gets its own folder: a file that fails to
 * open must not replace the one still open (see pruneUploads).
 */
export async function storeUpload(
  userData: string,
  name: string,
  bytes: Uint8Array,
): Promise<string> {
  if (bytes.length === 0) {
    throw new LetterLabError(
      'file.unreadable',
      `The file ${name} is empty: pick the .mat file again.`,
    );
  }
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new LetterLabError(
      'file.too-large',
      `The file ${name} is ${Math.round(bytes.length / 2 ** 20)} MiB; Letter Lab opens letter files up to ${MAX_UPLOAD_BYTES / 2 ** 20} MiB.`,
    );
  }
  const root = path.join(userData, UPLOADS);
  await fs.mkdir(root, { recursive: true });
  const dir = path.resolve(await fs.mkdtemp(path.join(root, 'upload-')));
  inFlight.add(dir);
  const file = path.join(dir, safeUploadName(name));
  try {
    await fs.writeFile(file, bytes);
  } catch (err) {
    inFlight.delete(dir);
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
  return file;
}

/**
 * Removes the stored uploads except those at `keep` (the file open now and the file the current
 * training run learned from, when they are uploads) and those another request is still storing
 * or opening: only uploads still in use are kept.
 */
export async function pruneUploads(
  userData: string,
  keep: readonly (string | null)[],
): Promise<void> {
  const root = path.resolve(userData, UPLOADS);
  let names: string[];
  try {
    names = await fs.readdir(root);
  } catch {
    return;
  }
  const kept = new Set<string>();
  for (const file of keep) {
    if (file === null) continue;
    kept.add(path.resolve(file));
    kept.add(path.dirname(path.resolve(file)));
  }
  await Promise.all(
    names
      .map((name) => path.join(root, name))
      .filter((entry) => !kept.has(entry) && !inFlight.has(entry))
      .map((entry) => fs.rm(entry, { recursive: true, force: true })),
  );
}
