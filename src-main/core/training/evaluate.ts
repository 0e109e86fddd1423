// Loss and accuracy of a model on a subset of an ImageSet, in batches (inference mode).

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ImageSet } from '../dataset/types';
import { tensorsAt } from './batches';

/** Keras clips probabilities to [eps, 1 - eps] in categorical cross-entropy. */
const KERAS_EPSILON = 1e-7;
export const EVAL_BATCH = 512;

/**
 * Output probabilities [indices.length, classes] of the images at `indices` of the data set the
 * predictor was made for (e.g. on the training loop's worker threads).
 */
export type Predictor = (indices: Uint32Array) => Promise<Float32Array>;

export interface Evaluation {
  loss: number;
  acc: number;
  count: number;
}

/** Output probabilities of `model` for the images at `indices` of `set`, `batchSize` at a time. */
export async function predictAt(
  model: tfl.LayersModel,
  set: Pick<ImageSet, 'images' | 'labels' | 'height' | 'width' | 'classes'>,
  indices: Uint32Array,
  batchSize = EVAL_BATCH,
): Promise<Float32Array> {
  const out = new Float32Array(indices.length * set.classes);
  for (let start = 0; start < indices.length; start += batchSize) {
    const end = Math.min(indices.length, start + batchSize);
    const { x, y } = tensorsAt(set, indices.subarray(start, end));
    const probs = tf.tidy(() => model.predict(x) as tf.Tensor2D);
    out.set(await probs.data(), start * set.classes);
    tf.dispose([x, y, probs]);
  }
  return out;
}

/**
 * Mean categorical cross-entropy and accuracy over `indices`; null for an empty subset. The
 * model predicts, unless `predict` is given (the same model's weights elsewhere, for `set`).
 */
export async function evaluate(
  model: tfl.LayersModel,
  set: ImageSet,
  indices: Uint32Array,
  batchSize = EVAL_BATCH,
  predict?: Predictor,
): Promise<Evaluation | null> {
  if (indices.length === 0) return null;
  const p = predict ? await predict(indices) : await predictAt(model, set, indices, batchSize);
  const classes = set.classes;
  let lossSum = 0;
  let correct = 0;
  for (let k = 0; k < indices.length; k++) {
    const row = k * classes;
    const label = set.labels[indices[k]];
    const truth = p[row + label];
    lossSum -= Math.log(Math.min(1 - KERAS_EPSILON, Math.max(KERAS_EPSILON, truth)));
    let best = 0;
    for (let c = 1; c < classes; c++) if (p[row + c] > p[row + best]) best = c;
    if (best === label) correct++;
  }
  return { loss: lossSum / indices.length, acc: correct / indices.length, count: indices.length };
}
