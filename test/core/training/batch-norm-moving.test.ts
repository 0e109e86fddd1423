// BatchNormalization's moving averages move as Keras 2.1.4's do with the TensorFlow backend:
// K.moving_average_update is assign_moving_average(x, value, momentum, zero_debias=True)
// (keras-team/keras PR 9003), and the variance it averages is the batch variance times
// m / (m - (1 + epsilon)) (PR 9028). Written out here from TensorFlow's definition: a biased
// accumulator that starts at 0, divided by 1 - momentum^t.
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../../src-main/core/backend';
import { kerasAdam } from '../../../src-main/core/model/keras-optimizers';
import { trainingForward } from '../../../src-main/core/training/forward';

const FEATURES = 3;
const BATCH = 5;
const MOMENTUM = 0.99;
const EPSILON = 1e-3;

function batches(count: number): number[][][] {
  let s = 12345;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 4294967296) * 4 - 1;
  };
  return Array.from({ length: count }, (_, b) =>
    Array.from({ length: BATCH }, () => Array.from({ length: FEATURES }, () => next() + b)),
  );
}

/** TensorFlow's zero-debiased moving averages of Keras's batch statistics after `xs`. */
function reference(
  xs: number[][][],
  stepsBefore: number,
  start: { mean: number[]; variance: number[] },
) {
  const mean = [...start.mean];
  const variance = [...start.variance];
  for (let f = 0; f < FEATURES; f++) {
    // The biased accumulators of the steps before (their values are what the variables hold).
    let t = stepsBefore;
    let biasedMean = mean[f] * (1 - MOMENTUM ** t);
    let biasedVariance = variance[f] * (1 - MOMENTUM ** t);
    for (const batch of xs) {
      const column = batch.map((row) => row[f]);
      const mu = column.reduce((a, b) => a + b, 0) / BATCH;
      const biasedVar = column.reduce((a, b) => a + (b - mu) ** 2, 0) / BATCH;
      const sampleVar = (biasedVar * BATCH) / (BATCH - (1 + EPSILON));
      t++;
      biasedMean = MOMENTUM * biasedMean + (1 - MOMENTUM) * mu;
      biasedVariance = MOMENTUM * biasedVariance + (1 - MOMENTUM) * sampleVar;
      mean[f] = biasedMean / (1 - MOMENTUM ** t);
      variance[f] = biasedVariance / (1 - MOMENTUM ** t);
    }
  }
  return { mean, variance };
}

function bnModel(): tfl.Sequential {
  return tfl.sequential({
    layers: [
      tfl.layers.batchNormalization({ inputShape: [FEATURES] }),
      tfl.layers.dense({ units: 2, activation: 'softmax' }),
    ],
  });
}

function movingStats(model: tfl.Sequential) {
  const [mean, variance] = model.nonTrainableWeights.map((w) => Array.from(w.read().dataSync()));
  return { mean, variance };
}

function closeTo(ours: number[], want: number[]) {
  ours.forEach((v, i) =>
    expect(Math.abs(v - want[i])).toBeLessThan(1e-5 * Math.max(1, Math.abs(want[i]))),
  );
}

describe('BatchNormalization moving averages (Keras 2.1.4, zero-debiased)', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    it(`${backend}: a new network's first update takes the batch statistics whole`, async () => {
      await initBackend(backend);
      const model = bnModel();
      const xs = batches(4);
      const start = movingStats(model); // zeros and ones
      for (const batch of xs) tf.tidy(() => void trainingForward(model, tf.tensor2d(batch)));
      const ours = movingStats(model);
      const want = reference(xs, 0, start);
      closeTo(ours.mean, want.mean);
      closeTo(ours.variance, want.variance);
      // Not tfjs-layers' plain average, still 96% the initial zero after four steps (about 0.1
      // here): the batches' means are 1 to 4.
      expect(ours.mean[0]).toBeGreaterThan(2);
      model.dispose();
    });
  }

  it('a network that goes on training continues from its optimizer’s step count', async () => {
    await initBackend('cpu');
    const model = bnModel();
    const optimizer = kerasAdam(0.001);
    model.compile({ optimizer, loss: 'categoricalCrossentropy' });
    for (let i = 0; i < 7; i++)
      (optimizer as unknown as { incrementIterations(): void }).incrementIterations();
    const start = { mean: [0.5, -0.25, 2], variance: [1.5, 0.75, 3] };
    model.nonTrainableWeights[0].write(tf.tensor1d(start.mean));
    model.nonTrainableWeights[1].write(tf.tensor1d(start.variance));
    const xs = batches(3);
    for (const batch of xs) tf.tidy(() => void trainingForward(model, tf.tensor2d(batch)));
    const want = reference(xs, 7, start);
    const ours = movingStats(model);
    closeTo(ours.mean, want.mean);
    closeTo(ours.variance, want.variance);
    optimizer.dispose();
    model.dispose();
  });
});
