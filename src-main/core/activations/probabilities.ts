// The network's answer for one or more images: a probability per class.
import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { imageBatch } from './input';

export interface ClassProbabilities {
  probabilities: number[];
  /** The class with the highest probability. */
  predicted: number;
}

export function argMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** Runs the network on `count` images (0..1, image after image) in one batch. */
export function predictImages(
  model: tfl.LayersModel,
  images: Float32Array,
  count: number,
): ClassProbabilities[] {
  const x = imageBatch(model, images, count);
  let y: tf.Tensor | null = null;
  try {
    y = model.predict(x) as tf.Tensor;
    const classes = y.shape[1] as number;
    const values = y.dataSync();
    const out: ClassProbabilities[] = [];
    for (let k = 0; k < count; k++) {
      const probabilities = Array.from(values.subarray(k * classes, (k + 1) * classes));
      out.push({ probabilities, predicted: argMax(probabilities) });
    }
    return out;
  } finally {
    x.dispose();
    y?.dispose();
  }
}
