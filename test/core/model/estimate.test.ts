import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src-main/core/backend';
import { estimateEpoch } from '../../../src-main/core/model/estimate';
import { PRESETS } from '../../../src-main/core/spec';

const preset = (id: string) => structuredClone(PRESETS.find((p) => p.id === id)!.spec);

describe('estimateEpoch', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('times real steps: a ConvNet epoch takes longer than logistic regression, and nothing leaks', async () => {
    const split = { train: 2800, test: 700 };
    const before = tf.memory().numTensors;
    const small = await estimateEpoch(preset('logistic-regression'), split);
    const big = await estimateEpoch(preset('convnet-dense-dropout'), split);
    expect(tf.memory().numTensors).toBe(before);
    for (const e of [small, big]) {
      expect(e.secondsPerEpoch).toBeGreaterThan(0);
      // One epoch is ceil(2800 / 128) = 22 training steps plus the test letters' forward passes.
      expect(e.secondsPerEpoch).toBeGreaterThanOrEqual(22 * e.secondsPerStep);
      expect(e.samplesPerSecond).toBeCloseTo(128 / e.secondsPerStep, 6);
    }
    expect(big.secondsPerStep).toBeGreaterThan(small.secondsPerStep);
  });
});
