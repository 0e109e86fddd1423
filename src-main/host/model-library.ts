// The saved-model library's file work for host/models.ts: safe ids, folder names from model
// names, and consistent copies of model folders (a run's autosave may be replaced while we read).

import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ModelMeta } from '../contract/training';
import { LetterLabError, jsonSyntaxReason } from '../core/errors';
import { replaceFolder } from '../core/model/atomic';
import {
  META_JSON,
  MODEL_JSON,
  WEIGHTS_BIN,
  checkInsideFolder,
  writeFileDurably,
} from '../core/model/files';
import { parseMeta } from '../core/model/meta';

/** A model id is a plain folder name: no separators, no leading dot, no "..", at most 128 long. */
export const MODEL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const MODELS_FOLDER = 'models';
export const EXPORTS_FOLDER = 'exports';
/** Reads of a folder that changed meanwhile are retried this often (an autosave is ~ms). */
const SNAPSHOT_ATTEMPTS = 5;
const SNAPSHOT_RETRY_MS = 150;
const SLUG_LENGTH = 40;

/** Why `id` is not a model id, or null when it is one. */
export function idProblem(id: string): string | null {
  if (MODEL_ID_PATTERN.test(id) && !id.includes('..')) return null;
  return (
    `${JSON.stringify(id.slice(0, 80))} is not a saved model id: ids are folder names made of ` +
    'letters, digits, ".", "-" and "_" that start with a letter or digit.'
  );
}

/** The folder of model `id` inside `root`; refuses anything that would lead elsewhere. */
export function modelFolder(root: string, id: string): string {
  const problem = idProblem(id);
  const base = path.resolve(root);
  const full = path.resolve(base, id);
  if (problem || path.dirname(full) !== base)
    throw new LetterLabError('api.bad-request', problem ?? id);
  return full;
}

/** A folder-name version of a model name: "Mój ConvNet #2" -> "moj-convnet-2". */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'model' : slug;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** A new id for a model called `name`: its slug and a random suffix, not used in `root` yet. */
export async function newModelId(root: string, name: string): Promise<string> {
  for (;;) {
    const id = `${slugOf(name)}-${randomBytes(3).toString('hex')}`;
    if (!(await exists(path.join(root, id)))) return id;
  }
}

/** `parent/<slug>`, or `<slug>-2`, `-3`... when taken: exports never overwrite anything. */
export async function freeFolder(parent: string, name: string): Promise<string> {
  const slug = slugOf(name);
  for (let n = 1; ; n++) {
    const candidate = path.join(parent, n === 1 ? slug : `${slug}-${n}`);
    if (!(await exists(candidate))) return candidate;
  }
}

function corrupt(dir: string, what: string): LetterLabError {
  return new LetterLabError(
    'model.corrupt',
    `The saved model in ${dir} is damaged: ${what}. Delete it and train the model again.`,
    { path: dir },
  );
}

/** Bytes weights.bin must have for this model.json text (float32/int32 4, bool 1). */
export function expectedWeightBytes(modelJson: string, dir: string): number {
  let parsed: { weightsManifest?: { weights?: { shape?: number[]; dtype?: string }[] }[] };
  try {
    parsed = JSON.parse(modelJson) as typeof parsed;
  } catch (err) {
    throw corrupt(dir, `${MODEL_JSON} is not valid JSON (${jsonSyntaxReason(err)})`);
  }
  if (!Array.isArray(parsed?.weightsManifest)) {
    throw corrupt(dir, `${MODEL_JSON} has no weightsManifest`);
  }
  let bytes = 0;
  for (const group of parsed.weightsManifest) {
    for (const w of group.weights ?? []) {
      const size = w.dtype === 'bool' ? 1 : w.dtype === 'float32' || w.dtype === 'int32' ? 4 : 0;
      if (size === 0 || !Array.isArray(w.shape)) {
        throw corrupt(dir, `${MODEL_JSON} lists a weight of unsupported type ${w.dtype}`);
      }
      bytes += w.shape.reduce((a, b) => a * b, 1) * size;
    }
  }
  return bytes;
}

/** A cheap check that a listed folder's weights fit its model.json (no weights are read). */
export async function weightsProblem(dir: string): Promise<string | null> {
  try {
    await checkInsideFolder(dir, MODEL_JSON);
    const modelJson = await readFile(path.join(dir, MODEL_JSON), 'utf8').catch(() => {
      throw corrupt(dir, `${MODEL_JSON} is missing`);
    });
    const expected = expectedWeightBytes(modelJson, dir);
    const info = await stat(path.join(dir, WEIGHTS_BIN)).catch(() => {
      throw corrupt(dir, `${WEIGHTS_BIN} is missing`);
    });
    if (info.size !== expected) {
      throw corrupt(
        dir,
        `${WEIGHTS_BIN} has ${info.size} bytes but ${MODEL_JSON} needs ${expected}`,
      );
    }
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The three files of a model folder, read so that they belong to the same save. */
export interface ModelSnapshot {
  meta: ModelMeta;
  modelJson: Buffer;
  weights: Buffer;
}

async function readOnce(dir: string): Promise<ModelSnapshot | null> {
  for (const file of [META_JSON, MODEL_JSON, WEIGHTS_BIN]) await checkInsideFolder(dir, file);
  const read = (file: string) => readFile(path.join(dir, file));
  let metaText: Buffer;
  try {
    metaText = await read(META_JSON);
  } catch {
    throw corrupt(dir, `${META_JSON} is missing`);
  }
  const [modelJson, weights] = await Promise.all([read(MODEL_JSON), read(WEIGHTS_BIN)]).catch(
    () => {
      throw corrupt(dir, `${MODEL_JSON} or ${WEIGHTS_BIN} is missing`);
    },
  );
  // A save in between replaced the folder: the files may be of two saves. Read again.
  if (!(await read(META_JSON).catch(() => null))?.equals(metaText)) return null;
  let meta: unknown;
  try {
    meta = JSON.parse(metaText.toString('utf8'));
  } catch (err) {
    throw corrupt(dir, `${META_JSON} is not valid JSON (${jsonSyntaxReason(err)})`);
  }
  const expected = expectedWeightBytes(modelJson.toString('utf8'), dir);
  if (weights.length !== expected) {
    throw corrupt(
      dir,
      `${WEIGHTS_BIN} has ${weights.length} bytes but ${MODEL_JSON} needs ${expected}`,
    );
  }
  return { meta: parseMeta(meta, dir), modelJson, weights };
}

/** Whether a save is swapping `dir` right now: it is gone, and its old copy waits beside it. */
async function beingReplaced(dir: string): Promise<boolean> {
  const prefix = `.old-${path.basename(dir)}-`;
  const names = await readdir(path.dirname(dir)).catch(() => [] as string[]);
  return names.some((name) => name.startsWith(prefix));
}

/** Reads a model folder consistently, retrying while another process is replacing it. */
export async function snapshotModel(dir: string): Promise<ModelSnapshot> {
  let lastError: unknown = null;
  for (let attempt = 0; attempt < SNAPSHOT_ATTEMPTS; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, SNAPSHOT_RETRY_MS));
    if (!(await exists(dir))) {
      if (await beingReplaced(dir)) continue;
      throw new LetterLabError('model.not-found', `There is no saved model in ${dir}.`, {
        path: dir,
      });
    }
    try {
      const snapshot = await readOnce(dir);
      if (snapshot) return snapshot;
      lastError = corrupt(dir, 'it kept changing while it was read');
    } catch (err) {
      // A missing file may be a save swapping folders right now; anything else is final.
      lastError = err;
      if (!(err instanceof LetterLabError && /is missing/.test(err.message))) throw err;
    }
  }
  // The last error caught above (a LetterLabError or an fs error), or the one said here.
  throw (
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    lastError ??
    new LetterLabError('model.not-found', `There is no saved model in ${dir}.`, { path: dir })
  );
}

/** Writes `snapshot` as the folder `target`, atomically; over an existing one only if asked. */
export async function writeSnapshot(
  target: string,
  snapshot: ModelSnapshot,
  meta: ModelMeta,
  overwrite = false,
): Promise<void> {
  await replaceFolder(
    target,
    async (tmp) => {
      await writeFileDurably(path.join(tmp, WEIGHTS_BIN), snapshot.weights);
      await writeFileDurably(path.join(tmp, MODEL_JSON), snapshot.modelJson);
      await writeFileDurably(path.join(tmp, META_JSON), JSON.stringify(meta, null, 2));
    },
    { overwrite },
  );
}
