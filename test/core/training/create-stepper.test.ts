// How many threads a training run uses by default.
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src-main/core/backend';
import { TRAIN_THREADS_ENV, defaultTrainingThreads } from '../../../src-main/core/backend/threads';
import { buildModel } from '../../../src-main/core/model/build';
import { PRESETS, summarize } from '../../../src-main/core/spec';
import {
  PARALLEL_MIN_MACS,
  forwardMacs,
  trainingThreads,
} from '../../../src-main/core/training/create-stepper';

describe('trainingThreads', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('counts the multiply-adds of the convolutions and dense layers as the spec summary does', () => {
    const weighted = new Set(['conv2d', 'dense', 'output']);
    for (const preset of PRESETS) {
      const m = buildModel(preset.spec, { seed: 1 });
      const layers = summarize(preset.spec).layers.filter((l) => weighted.has(l.type));
      expect({ preset: preset.id, macs: forwardMacs(m) }).toEqual({
        preset: preset.id,
        macs: layers.reduce((sum, l) => sum + l.macs, 0),
      });
      m.dispose();
    }
  });

  it('uses threads for big models only, unless told otherwise', () => {
    const big = buildModel(PRESETS.find((p) => p.id === 'convnet-dense-dropout')!.spec);
    const small = buildModel(PRESETS.find((p) => p.id === 'mlp')!.spec);
    expect(forwardMacs(big)).toBeGreaterThanOrEqual(PARALLEL_MIN_MACS);
    expect(forwardMacs(small)).toBeLessThan(PARALLEL_MIN_MACS);
    const saved = process.env[TRAIN_THREADS_ENV];
    delete process.env[TRAIN_THREADS_ENV];
    try {
      expect(trainingThreads(undefined, big)).toBe(defaultTrainingThreads('wasm'));
      expect(trainingThreads(undefined, small)).toBe(1);
      expect(trainingThreads(3, small)).toBe(3);
      process.env[TRAIN_THREADS_ENV] = '2';
      expect(trainingThreads(undefined, small)).toBe(2);
      expect(trainingThreads(1, big)).toBe(1);
    } finally {
      if (saved === undefined) delete process.env[TRAIN_THREADS_ENV];
      else process.env[TRAIN_THREADS_ENV] = saved;
    }
    big.dispose();
    small.dispose();
  });
});

describe('defaultTrainingThreads', () => {
  it('is one per core up to the maximum, 1 on native TensorFlow, and follows the environment', () => {
    expect(defaultTrainingThreads('wasm', {}, 2)).toBe(2);
    expect(defaultTrainingThreads('wasm', {}, 64)).toBe(4);
    expect(defaultTrainingThreads('cpu', {}, 1)).toBe(1);
    expect(defaultTrainingThreads('tensorflow', {}, 8)).toBe(1);
    expect(defaultTrainingThreads('wasm', { [TRAIN_THREADS_ENV]: '1' }, 8)).toBe(1);
    expect(defaultTrainingThreads('wasm', { [TRAIN_THREADS_ENV]: 'many' }, 2)).toBe(2);
  });
});
