// The files of a saved model folder, in the TensorFlow.js layers format that tf.loadLayersModel
// and tfjs-node's file:// handler read: model.json (topology + weights manifest) and one
// weights.bin, plus our meta.json.

import { lstat, open, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { LetterLabError, jsonSyntaxReason } from '../errors';

export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';
export const META_JSON = 'meta.json';
const FORMAT = 'layers-model';

/** Writes `data` to `file` and flushes it to disk before returning. */
export async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a folder's entries (new names) to disk; a no-op where folders cannot be opened (Windows). */
export async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported on this platform: renames are still atomic, just not yet durable.
  } finally {
    await handle?.close();
  }
}

function weightBytes(artifacts: tf.io.ModelArtifacts): Uint8Array {
  const data = artifacts.weightData;
  if (data == null) return new Uint8Array(0);
  return new Uint8Array(tf.io.CompositeArrayBuffer.join(data));
}

/** Writes model.json and weights.bin for `artifacts` into the existing folder `dir`. */
export async function writeArtifacts(dir: string, artifacts: tf.io.ModelArtifacts): Promise<void> {
  const topology = artifacts.modelTopology;
  if (topology == null || topology instanceof ArrayBuffer) {
    throw new Error('Only layers models (JSON topology) can be saved.');
  }
  const modelJSON: tf.io.ModelJSON = {
    modelTopology: topology,
    format: artifacts.format ?? FORMAT,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }],
  };
  if (artifacts.trainingConfig) modelJSON.trainingConfig = artifacts.trainingConfig;
  if (artifacts.userDefinedMetadata) modelJSON.userDefinedMetadata = artifacts.userDefinedMetadata;
  await writeFileDurably(path.join(dir, WEIGHTS_BIN), weightBytes(artifacts));
  await writeFileDurably(path.join(dir, MODEL_JSON), JSON.stringify(modelJSON));
}

function corrupt(dir: string, file: string, what: string): LetterLabError {
  return new LetterLabError(
    'model.corrupt',
    `The saved model in ${dir} is damaged: ${file} ${what}. Delete it and train the model again.`,
    { path: path.join(dir, file) },
  );
}

/**
 * Refuses a file of a model folder that is a link leading out of that folder: Letter Lab reads
 * only what is in the folder (a link to /etc/passwd named model.json is not followed).
 */
export async function checkInsideFolder(dir: string, file: string): Promise<void> {
  const full = path.join(dir, file);
  const info = await lstat(full).catch(() => null);
  if (!info?.isSymbolicLink()) return;
  const [real, base] = await Promise.all([
    realpath(full).catch(() => null),
    realpath(dir).catch(() => path.resolve(dir)),
  ]);
  const relative = real === null ? '..' : path.relative(base, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw corrupt(
      dir,
      file,
      'is a link to a file outside its folder, which Letter Lab does not follow',
    );
  }
}

/** Parses a JSON file of a model folder, or throws model.corrupt naming the file. */
export async function readJSONFile(dir: string, file: string): Promise<unknown> {
  let text: string;
  try {
    await checkInsideFolder(dir, file);
    text = await readFile(path.join(dir, file), 'utf8');
  } catch (err) {
    if (err instanceof LetterLabError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw corrupt(
      dir,
      file,
      code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? 'error'})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw corrupt(dir, file, `is not valid JSON (${jsonSyntaxReason(err)})`);
  }
}

/**
 * Refuses weights that are not numbers (NaN) or infinite: a network with such weights answers
 * nonsense (its training went wrong), so it is not loaded as if it were fine.
 */
function checkFinite(dir: string, specs: tf.io.WeightsManifestEntry[], bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  for (const spec of specs) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    if (spec.dtype === 'float32') {
      for (let i = 0; i < count; i++) {
        if (!Number.isFinite(view.getFloat32(at + i * 4, true))) {
          throw corrupt(
            dir,
            WEIGHTS_BIN,
            `holds a weight that is not a number (NaN or infinite) in ${spec.name}: its training went wrong`,
          );
        }
      }
    }
    at += count * (spec.dtype === 'bool' ? 1 : 4);
  }
}

/** Reads model.json and weights.bin of `dir` as ModelArtifacts, checking that they fit together. */
export async function readArtifacts(dir: string): Promise<tf.io.ModelArtifacts> {
  const json = (await readJSONFile(dir, MODEL_JSON)) as Partial<tf.io.ModelJSON> | null;
  if (
    json === null ||
    typeof json !== 'object' ||
    typeof json.modelTopology !== 'object' ||
    json.modelTopology === null
  ) {
    throw corrupt(dir, MODEL_JSON, 'has no modelTopology');
  }
  if (!Array.isArray(json.weightsManifest))
    throw corrupt(dir, MODEL_JSON, 'has no weightsManifest');
  const paths = json.weightsManifest.flatMap((group) => group.paths ?? []);
  if (paths.length !== 1 || path.basename(paths[0]) !== WEIGHTS_BIN) {
    throw corrupt(
      dir,
      MODEL_JSON,
      `lists weight files [${paths.join(', ')}] instead of ${WEIGHTS_BIN}`,
    );
  }
  const specs = tf.io.getWeightSpecs(json.weightsManifest);
  let expected = 0;
  for (const spec of specs) {
    const bytesPer =
      spec.dtype === 'float32' || spec.dtype === 'int32' ? 4 : spec.dtype === 'bool' ? 1 : NaN;
    if (spec.quantization || !Number.isFinite(bytesPer)) {
      throw corrupt(
        dir,
        MODEL_JSON,
        `has weight ${spec.name} of an unsupported type ${spec.dtype}`,
      );
    }
    expected += spec.shape.reduce((a, b) => a * b, 1) * bytesPer;
  }
  let bytes: Buffer;
  try {
    await checkInsideFolder(dir, WEIGHTS_BIN);
    const info = await stat(path.join(dir, WEIGHTS_BIN));
    if (info.size !== expected) {
      throw corrupt(dir, WEIGHTS_BIN, `has ${info.size} bytes but ${MODEL_JSON} needs ${expected}`);
    }
    bytes = await readFile(path.join(dir, WEIGHTS_BIN));
  } catch (err) {
    if (err instanceof LetterLabError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw corrupt(
      dir,
      WEIGHTS_BIN,
      code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? String(err)})`,
    );
  }
  checkFinite(dir, specs, bytes);
  const weightData = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  return tf.io.getModelArtifactsForJSON(json as tf.io.ModelJSON, async () => [specs, weightData]);
}
