// "Take it home": writes model.py, weights.npz (when there are weights) and README.md
// into a folder. Refuses a non-empty folder unless it is one of our earlier exports,
// and then touches only our own files (a dataset copied next to model.py stays).

import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ModelSpec } from '../../contract/spec';
import type { DatasetRef } from '../../contract/training';
import { LetterLabError, diskFullError } from '../errors';
import { SCRIPT_MARKER, WEIGHTS_FILE_NAME, kerasScript } from './keras-script';
import { encodeNpz } from './npz';
import { exportReadme } from './readme';
import { orderWeightsForKeras, type NamedWeight } from './weights-order';

export { expectedWeightShapes } from './weights-order';
export type { NamedWeight } from './weights-order';

export interface ExportOptions {
  /** Where the dataset is on this machine; model.py falls back to it. */
  datasetFile?: string;
  /** What the weights were trained on (meta.json `dataset`): model.py uses that split. */
  trainedOn?: DatasetRef | null;
}

export const SCRIPT_FILE_NAME = 'model.py';
export const README_FILE_NAME = 'README.md';
/** Files the operating system drops into folders; they do not make a folder "used". */
const SYSTEM_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | null)?.code;
}

function writeFailed(dir: string, err: unknown): LetterLabError {
  const full = diskFullError(err);
  if (full) return full;
  const reason = err instanceof Error ? err.message : String(err);
  return new LetterLabError(
    'export.write-failed',
    `Cannot write the export into "${dir}": ${reason}. Choose a folder you can write to.`,
  );
}

async function isPreviousExport(dir: string): Promise<boolean> {
  try {
    const script = await readFile(join(dir, SCRIPT_FILE_NAME), 'utf8');
    return script.startsWith(SCRIPT_MARKER);
  } catch {
    return false;
  }
}

/** Makes sure `dir` is a folder we may write into; creates it when missing. */
async function prepareFolder(dir: string): Promise<void> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      throw new LetterLabError(
        'export.not-a-folder',
        `Cannot export into "${dir}": it is a file, not a folder. Choose a folder.`,
      );
    }
  } catch (err) {
    if (err instanceof LetterLabError) throw err;
    if (errorCode(err) !== 'ENOENT') throw writeFailed(dir, err);
    await mkdir(dir, { recursive: true }).catch((e: unknown) => {
      throw writeFailed(dir, e);
    });
    return;
  }
  const entries = (
    await readdir(dir).catch((e: unknown) => {
      throw writeFailed(dir, e);
    })
  ).filter((name) => !SYSTEM_FILES.has(name));
  if (entries.length > 0 && !(await isPreviousExport(dir))) {
    throw new LetterLabError(
      'export.folder-not-empty',
      `Cannot export into "${dir}": the folder already holds other files (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', ...' : ''}). Choose an empty folder or a new one.`,
    );
  }
}

/** Writes through a temporary name, so a crash never leaves half a file under the real name. */
async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const partial = `${path}.partial`;
  try {
    await writeFile(partial, data);
    await rename(partial, path);
  } catch (err) {
    await rm(partial, { force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * Exports `spec` (and its trained weights, if any) as a Keras project folder.
 * Weights may come in Keras order or in tfjs getWeights() order; see weights-order.ts.
 * Returns the absolute paths of the files written.
 */
export async function exportKerasFolder(
  outDir: string,
  spec: ModelSpec,
  weights: NamedWeight[] | null,
  options: ExportOptions = {},
): Promise<{ files: string[] }> {
  // Check everything before the first byte is written.
  const ordered = weights ? orderWeightsForKeras(spec, weights) : null;
  const script = kerasScript(spec, {
    hasWeights: ordered !== null,
    datasetFile: options.datasetFile,
    trainedOn: options.trainedOn,
  });
  const readme = exportReadme(spec, ordered !== null, options.trainedOn);
  const npz = ordered ? encodeNpz(ordered.map((w) => ({ shape: w.shape, data: w.data }))) : null;

  const dir = resolve(outDir);
  await prepareFolder(dir);
  const files: string[] = [];
  try {
    const write = async (name: string, data: string | Uint8Array): Promise<void> => {
      await writeAtomic(join(dir, name), data);
      files.push(join(dir, name));
    };
    await write(SCRIPT_FILE_NAME, script);
    if (npz) await write(WEIGHTS_FILE_NAME, npz);
    // An earlier export's weights would not fit a model exported without weights.
    else await rm(join(dir, WEIGHTS_FILE_NAME), { force: true });
    await write(README_FILE_NAME, readme);
  } catch (err) {
    throw writeFailed(dir, err);
  }
  return { files };
}
