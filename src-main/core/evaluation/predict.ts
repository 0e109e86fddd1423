// Predicts a subset of an ImageSet in batches (inference mode: dropout off, batch norm uses its
// moving averages) and keeps, for every letter, the network's answer and how sure it was.

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ImageSet } from '../dataset/types';
import { LetterLabError } from '../errors';
import { makeBatch } from '../training/batches';

/** Letters per model.predict call: big enough to be quick, small enough for a large ConvNet. */
export const PREDICT_BATCH = 256;

/** What the network answered for every letter of a subset; position k is letter indices[k]. */
export interface SplitPredictions {
  /** Dataset indices of the letters. */
  indices: Uint32Array;
  /** True classes. */
  labels: Uint8Array;
  /** The class with the highest probability (the first one on a tie, as numpy's argmax). */
  predicted: Uint8Array;
  /** Probability of the predicted class. */
  confidence: Float32Array;
  /** Probability the network gave the true class. */
  truthProbability: Float32Array;
  classes: number;
}

export interface PredictOptions {
  batchSize?: number;
  /** Called after every batch; a returned promise is awaited (a host can yield there). */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

/** Throws evaluation.mismatch when the model cannot read the set's letters or names other classes. */
export function checkModelFits(model: tfl.LayersModel, set: ImageSet): void {
  const input = model.inputs[0]?.shape ?? [];
  const [, height, width, channels] = input;
  if (input.length !== 4 || height !== set.height || width !== set.width || channels !== 1) {
    throw new LetterLabError(
      'evaluation.mismatch',
      `This network reads pictures of shape [${input.slice(1).join(', ')}], but these letters are ` +
        `${set.height}x${set.width} with one grey channel. Evaluate it on the letters it was trained for.`,
    );
  }
  const classes = model.outputs[0]?.shape[1];
  if (model.outputs[0]?.shape.length !== 2 || classes !== set.classes) {
    throw new LetterLabError(
      'evaluation.mismatch',
      `This network answers with ${classes ?? 'an unknown number of'} classes, but these letters ` +
        `have ${set.classes} (${set.classNames.join(', ')}). Evaluate it on the letters it was trained for.`,
    );
  }
}

/** Predicts `indices` of `set` in batches; every tensor it makes is disposed, even on errors. */
export async function predictSplit(
  model: tfl.LayersModel,
  set: ImageSet,
  indices: Uint32Array,
  opts: PredictOptions = {},
): Promise<SplitPredictions> {
  checkModelFits(model, set);
  const batchSize = opts.batchSize ?? PREDICT_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new LetterLabError(
      'evaluation.mismatch',
      `The batch size must be a whole number >= 1, got ${batchSize}.`,
    );
  }
  if (indices.length === 0) {
    throw new LetterLabError(
      'evaluation.no-test-letters',
      'There are no test letters to evaluate on: split the letters with a test share above 0.',
    );
  }
  const n = indices.length;
  const classes = set.classes;
  const out: SplitPredictions = {
    indices: indices.slice(),
    labels: new Uint8Array(n),
    predicted: new Uint8Array(n),
    confidence: new Float32Array(n),
    truthProbability: new Float32Array(n),
    classes,
  };
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    const { x, y, labels } = makeBatch(set, indices, start, end);
    tf.dispose(y);
    let probs: tf.Tensor | null = null;
    let p: Float32Array | Int32Array | Uint8Array;
    try {
      probs = tf.tidy(() => model.predict(x, { batchSize: end - start }) as tf.Tensor);
      p = await probs.data();
    } finally {
      tf.dispose(x);
      if (probs) tf.dispose(probs);
    }
    for (let k = 0; k < end - start; k++) {
      const row = k * classes;
      let best = 0;
      for (let c = 1; c < classes; c++) if (p[row + c] > p[row + best]) best = c;
      const at = start + k;
      out.labels[at] = labels[k];
      out.predicted[at] = best;
      out.confidence[at] = p[row + best];
      out.truthProbability[at] = p[row + labels[k]];
    }
    await opts.onProgress?.(end, n);
  }
  return out;
}
