import * as tf from '@tensorflow/tfjs-core';
import type { ModelSpec } from '../../contract/spec';
import { buildModel, compileModel } from './build';

/** Forward passes cost about a third of a training step (no gradients, no weight updates). */
const FORWARD_SHARE = 1 / 3;

export interface EpochEstimate {
  secondsPerEpoch: number;
  samplesPerSecond: number;
  /** Seconds one training step of `batchSize` letters took here. */
  secondsPerStep: number;
}

/**
 * How long one epoch of `spec` would take on this machine's backend: a few real training steps on
 * random letters of the spec's batch size, timed after one warm-up step, scaled to the split.
 */
export async function estimateEpoch(
  spec: ModelSpec,
  split: { train: number; test: number },
  steps = 3,
): Promise<EpochEstimate> {
  const { batchSize } = spec.compile;
  const { height, width, channels } = spec.input;
  const model = buildModel(spec, { seed: 0 });
  compileModel(model, spec.compile);
  const x = tf.randomUniform([batchSize, height, width, channels]);
  const y = tf.tidy(() =>
    tf.oneHot(tf.randomUniform([batchSize], 0, spec.classes, 'int32'), spec.classes),
  );
  try {
    await model.trainOnBatch(x, y);
    const started = performance.now();
    for (let i = 0; i < steps; i++) await model.trainOnBatch(x, y);
    const secondsPerStep = (performance.now() - started) / 1000 / steps;
    const trainSeconds = Math.ceil(split.train / batchSize) * secondsPerStep;
    const testSeconds = Math.ceil(split.test / batchSize) * secondsPerStep * FORWARD_SHARE;
    return {
      secondsPerEpoch: trainSeconds + testSeconds,
      samplesPerSecond: batchSize / secondsPerStep,
      secondsPerStep,
    };
  } finally {
    tf.dispose([x, y]);
    model.optimizer?.dispose();
    model.dispose();
  }
}
