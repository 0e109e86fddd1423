// Saved models: one folder per model with model.json + weights.bin (the TensorFlow.js layers
// format, readable by tf.loadLayersModel) and meta.json. Saves are atomic (./atomic).

import { lstat, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { ModelMeta, SavedModelEntry } from '../../contract/training';
import { LetterLabError } from '../errors';
import { recoverFolder, recoverRoot, removeFolder, replaceFolder } from './atomic';
import { compileModel } from './build';
import { META_JSON, readArtifacts, readJSONFile, writeArtifacts, writeFileDurably } from './files';
import { parseMeta } from './meta';

export const MAX_NAME_LENGTH = 100;

export interface SaveOptions {
  /** Replace an existing model in `dir` (atomically). Default true; false throws model.exists. */
  overwrite?: boolean;
  /** Save the optimizer state (Adam's moments...) so training can go on exactly. Default true. */
  includeOptimizer?: boolean;
}

function checkName(name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed === '' || trimmed.length > MAX_NAME_LENGTH) {
    throw new LetterLabError(
      'model.bad-name',
      `A model name must have 1 to ${MAX_NAME_LENGTH} characters, got ${JSON.stringify(name)}.`,
    );
  }
  return trimmed;
}

/**
 * The model's artifacts as tfjs would save them, without writing anything. tfjs-layers' save asks
 * the optimizer for its weights, and the optimizer makes a fresh `iter` scalar for that which
 * nobody disposes (one leaked tensor per save); we catch that list and dispose the scalar.
 */
async function artifactsOf(
  model: tfl.LayersModel,
  includeOptimizer: boolean,
): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | null = null;
  const optimizer = includeOptimizer ? model.optimizer : null;
  const fresh: tf.Tensor[] = [];
  const getWeights = optimizer ? optimizer.getWeights.bind(optimizer) : null;
  if (optimizer && getWeights) {
    optimizer.getWeights = async () => {
      const weights = await getWeights();
      fresh.push(...weights.filter((w) => w.name === 'iter').map((w) => w.tensor));
      return weights;
    };
  }
  try {
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        captured = artifacts;
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
      }),
      { includeOptimizer: optimizer != null },
    );
  } finally {
    if (optimizer && getWeights) optimizer.getWeights = getWeights;
    tf.dispose(fresh);
  }
  if (!captured) throw new Error('tfjs produced no model artifacts');
  return captured;
}

/** Saves `model` and `meta` into the folder `dir`, atomically (see ./atomic). */
export async function saveModel(
  dir: string,
  model: tfl.LayersModel,
  meta: ModelMeta,
  opts: SaveOptions = {},
): Promise<void> {
  const target = path.resolve(dir);
  const checked = parseMeta({ ...meta, name: checkName(meta.name) }, target);
  const artifacts = await artifactsOf(model, opts.includeOptimizer ?? true);
  await replaceFolder(
    target,
    async (tmp) => {
      await writeArtifacts(tmp, artifacts);
      await writeFileDurably(path.join(tmp, META_JSON), JSON.stringify(checked, null, 2));
    },
    { overwrite: opts.overwrite ?? true },
  );
}

async function isFolder(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

function linkedFolder(dir: string): string {
  return `${dir} is a link to a folder elsewhere, which Letter Lab does not follow: move the model folder itself here.`;
}

/** Refuses a model folder of a library (`root`) that is a link leading out of it. */
export async function checkNotLinked(dir: string): Promise<void> {
  const info = await lstat(dir).catch(() => null);
  if (info?.isSymbolicLink()) {
    throw new LetterLabError('model.corrupt', linkedFolder(dir), { path: dir });
  }
}

/** Reads just the meta.json of a saved model. */
export async function readModelMeta(dir: string): Promise<ModelMeta> {
  const target = path.resolve(dir);
  await recoverFolder(target);
  if (!(await isFolder(target))) {
    throw new LetterLabError('model.not-found', `There is no saved model in ${target}.`, {
      path: target,
    });
  }
  return parseMeta(await readJSONFile(target, META_JSON), target);
}

/** Loads a saved model (compiled, with its optimizer state when saved) and its meta. */
export async function loadModel(dir: string): Promise<{ model: tfl.LayersModel; meta: ModelMeta }> {
  const meta = await readModelMeta(dir);
  const target = path.resolve(dir);
  const artifacts = await readArtifacts(target);
  let model: tfl.LayersModel;
  try {
    model = await tfl.loadLayersModel({ load: async () => artifacts });
  } catch (err) {
    throw new LetterLabError(
      'model.corrupt',
      `The saved model in ${target} is damaged: model.json does not describe a loadable model ` +
        `(${(err as Error).message}). Delete it and train the model again.`,
      { path: path.join(target, 'model.json') },
    );
  }
  if (!model.optimizer) compileModel(model, meta.compile);
  return { model, meta };
}

/** The model folders directly inside `root` (a missing root is an empty list), sorted by id. */
export async function listModels(root: string): Promise<SavedModelEntry[]> {
  const base = path.resolve(root);
  if (!(await isFolder(base))) return [];
  await recoverRoot(base);
  const names = (await readdir(base)).filter((n) => !n.startsWith('.')).sort();
  const entries: SavedModelEntry[] = [];
  for (const id of names) {
    const full = path.join(base, id);
    if (!(await isFolder(full))) continue;
    if ((await lstat(full)).isSymbolicLink()) {
      entries.push({ id, path: full, meta: null, problem: linkedFolder(full) });
      continue;
    }
    try {
      entries.push({ id, path: full, meta: await readModelMeta(full), problem: null });
    } catch (err) {
      entries.push({ id, path: full, meta: null, problem: (err as Error).message });
    }
  }
  return entries;
}

/** Changes a saved model's display name (in meta.json, atomically); the folder stays. */
export async function renameModel(dir: string, name: string): Promise<ModelMeta> {
  const meta = await readModelMeta(dir);
  const renamed: ModelMeta = { ...meta, name: checkName(name) };
  const file = path.join(path.resolve(dir), META_JSON);
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFileDurably(tmp, JSON.stringify(renamed, null, 2));
  await rename(tmp, file);
  return renamed;
}

/** Deletes a saved model folder (it disappears whole, even if the process dies halfway). */
export async function deleteModel(dir: string): Promise<void> {
  const target = path.resolve(dir);
  await recoverFolder(target);
  if (!(await isFolder(target))) {
    throw new LetterLabError('model.not-found', `There is no saved model in ${target}.`, {
      path: target,
    });
  }
  await removeFolder(target);
}
