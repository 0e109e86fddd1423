// show_predictions for the reports: a few test letters picked with a fixed seed (the same for
// every network, so the report compares like with like), each with the probabilities a saved
// network gives it, and the letter itself as a small PNG (dark on white, as the app shows it).

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ImageSet, SplitImageSet } from '../dataset/types';
import { greyPngDataUrl } from '../export/png';
import type { PredictionRow } from '../lessons';
import { loadModel } from '../model';
import { shuffleInPlace } from '../random';
import { makeBatch } from '../training/batches';

/** show_predictions' rows, as in the notebook. */
export const PREDICTION_ROWS = 8;
const PICK_SEED = 42;

/** `count` letters of the test part, the same ones for the same split. */
export function predictionLetters(set: SplitImageSet, count = PREDICTION_ROWS): Uint32Array {
  const picked = shuffleInPlace(set.test.slice(), PICK_SEED).subarray(0, count);
  return picked.slice();
}

/** Letter `index` of `set` as a PNG data URL, dark ink on white. */
export function letterDataUrl(set: ImageSet, index: number): string {
  const size = set.height * set.width;
  const pixels = new Uint8Array(size);
  const from = set.images.subarray(index * size, (index + 1) * size);
  for (let i = 0; i < size; i++)
    pixels[i] = 255 - Math.round(Math.min(1, Math.max(0, from[i])) * 255);
  return greyPngDataUrl(pixels, set.width, set.height);
}

/** The network's probabilities for `indices` (inference mode), one row per letter. */
export async function predictionRows(
  model: tfl.LayersModel,
  set: ImageSet,
  indices: Uint32Array,
): Promise<PredictionRow[]> {
  const { x, y, labels } = makeBatch(set, indices, 0, indices.length);
  tf.dispose(y);
  let probs: tf.Tensor | null = null;
  try {
    probs = tf.tidy(() => model.predict(x) as tf.Tensor);
    const values = await probs.data();
    return Array.from(indices, (index, k) => ({
      image: letterDataUrl(set, index),
      truth: labels[k],
      probs: Array.from(values.subarray(k * set.classes, (k + 1) * set.classes)),
    }));
  } finally {
    tf.dispose(x);
    if (probs) tf.dispose(probs);
  }
}

/** Loads the saved network in `modelDir` and predicts `indices`; null when it cannot be used. */
export async function savedModelRows(
  modelDir: string | null,
  set: ImageSet,
  indices: Uint32Array,
): Promise<PredictionRow[] | null> {
  if (!modelDir) return null;
  let model: tfl.LayersModel | null = null;
  try {
    model = (await loadModel(modelDir)).model;
    return await predictionRows(model, set, indices);
  } catch {
    return null;
  } finally {
    const optimizer = model?.optimizer;
    model?.dispose();
    optimizer?.dispose();
  }
}
