// Loss and accuracy of a model on a subset of an ImageSet, in batches (inference mode).

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ImageSet } from '../dataset/types';
import { gatherBatch } from './batches';

/** Keras clips probabilities to [eps, 1 - eps] in categorical cross-entropy. */
const KERAS_EPSILON = 1e-7;
export const EVAL_BATCH = 512;

/** Output probabilities [count, classes] for `count` images (e.g. on worker threads). */
export type Predictor = (images: Float32Array, count: number) => Promise<Float32Array>;

export interface Evaluation {
  loss: number;
  acc: number;
  count: number;
}

/**
 * Mean categorical cross-entropy and accuracy over `indices`; null for an empty subset. The
 * model predicts, unless `predict` is given (the same model's weights elsewhere).
 */
export async function evaluate(
  model: tfl.LayersModel,
  set: ImageSet,
  indices: Uint32Array,
  batchSize = EVAL_BATCH,
  predict?: Predictor,
): Promise<Evaluation | null> {
  if (indices.length === 0) return null;
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < indices.length; start += batchSize) {
    const end = Math.min(indices.length, start + batchSize);
    const { images, labels } = gatherBatch(set, indices, start, end);
    let p: Float32Array | Int32Array | Uint8Array;
    if (predict) p = await predict(images, end - start);
    else {
      const x = tf.tensor4d(images, [end - start, set.height, set.width, 1]);
      const probs = tf.tidy(() => model.predict(x) as tf.Tensor2D);
      p = await probs.data();
      tf.dispose([x, probs]);
    }
    const classes = set.classes;
    for (let k = 0; k < end - start; k++) {
      const row = k * classes;
      const truth = p[row + labels[k]];
      lossSum -= Math.log(Math.min(1 - KERAS_EPSILON, Math.max(KERAS_EPSILON, truth)));
      let best = 0;
      for (let c = 1; c < classes; c++) if (p[row + c] > p[row + best]) best = c;
      if (best === labels[k]) correct++;
    }
  }
  return { loss: lossSum / indices.length, acc: correct / indices.length, count: indices.length };
}
