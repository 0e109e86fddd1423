// Model weights as plain Float32Arrays, to send between threads.

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

type LayerVariable = tfl.LayersModel['weights'][number];

/** A copy of a float32 tensor's values that the caller owns (the cpu backend's dataSync hands out
 * the tensor's own storage, which must not be transferred to another thread). */
export function ownedValues(t: tf.Tensor): Float32Array {
  const values = t.dataSync();
  if (!(values instanceof Float32Array)) throw new Error(`expected float32 values, got ${t.dtype}`);
  return values.slice();
}

/** Copies of the values of `weights` (e.g. model.weights), in order. */
export function readWeights(weights: LayerVariable[]): Float32Array[] {
  return weights.map((w) => ownedValues(w.read()));
}

/** Sets `weights` to `values` (same order and sizes). */
export function writeWeights(weights: LayerVariable[], values: Float32Array[]): void {
  if (values.length !== weights.length) {
    throw new Error(`expected ${weights.length} weight arrays, got ${values.length}`);
  }
  weights.forEach((w, i) => {
    const t = tf.tensor(values[i], w.shape as number[]);
    try {
      w.write(t);
    } finally {
      t.dispose();
    }
  });
}
