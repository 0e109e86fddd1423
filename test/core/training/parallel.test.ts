// Data-parallel training on worker threads against training in the calling thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ModelSpec } from '../../../src-main/contract/spec';
import { initBackend } from '../../../src-main/core/backend';
import { buildModel, compileModel } from '../../../src-main/core/model/build';
import {
  TrainControl,
  shutdownTrainingWorkers,
  terminateTrainingWorkers,
  train,
  trainingWorkerTensors,
} from '../../../src-main/core/training';
import { shardRanges } from '../../../src-main/core/training/parallel/parallel-stepper';
import { WORKER_ENTRY_ENV } from '../../../src-main/core/training/parallel/spawn';
import { relativeMaxError } from '../backend/numeric';
import { smallConvSpec, syntheticSet } from './synthetic';

const SIZE = 12;
const CLASSES = 4;
const BATCH = 40;
const data = syntheticSet(400, SIZE, CLASSES, 21);
const BATCHES = Math.ceil(data.train.length / BATCH);

/** conv (relu) -> maxpool -> conv (linear, same) -> flatten -> dense: no dropout, no batch norm. */
function plainSpec(optimizer: 'sgd' | 'adam' | 'rmsprop'): ModelSpec {
  return {
    version: 1,
    name: 'plain conv',
    input: { height: SIZE, width: SIZE, channels: 1 },
    classes: CLASSES,
    compile: { optimizer, learningRate: 0.01, epochs: 2, batchSize: BATCH },
    layers: [
      {
        type: 'conv2d',
        filters: 5,
        kernelSize: 3,
        strides: 1,
        padding: 'valid',
        activation: 'relu',
      },
      { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
      {
        type: 'conv2d',
        filters: 6,
        kernelSize: 3,
        strides: 1,
        padding: 'same',
        activation: 'linear',
      },
      { type: 'flatten' },
      { type: 'dense', units: 12, activation: 'relu' },
    ],
  };
}

function model(spec: ModelSpec, seed = 7): tfl.LayersModel {
  const m = buildModel(spec, { seed });
  compileModel(m, spec.compile);
  return m;
}

function dispose(m: tfl.LayersModel): void {
  const optimizer = m.optimizer;
  m.dispose();
  optimizer?.dispose();
}

function weightsOf(m: tfl.LayersModel): Float32Array[] {
  return m.getWeights().map((w) => w.dataSync() as Float32Array);
}

function relativeDiff(a: Float32Array[], b: Float32Array[]): number {
  let worst = 0;
  a.forEach((w, i) => {
    let scale = 1e-6;
    for (const v of w) scale = Math.max(scale, Math.abs(v));
    for (let k = 0; k < w.length; k++) worst = Math.max(worst, Math.abs(w[k] - b[i][k]) / scale);
  });
  return worst;
}

describe('shardRanges', () => {
  it('cuts a batch into contiguous, nearly equal shards of at least the minimum size', () => {
    expect(shardRanges(128, 2)).toEqual([
      [0, 64],
      [64, 128],
    ]);
    expect(shardRanges(7, 4, 2)).toEqual([
      [0, 3],
      [3, 5],
      [5, 7],
    ]);
    expect(shardRanges(3, 2)).toEqual([[0, 3]]);
    for (const [n, workers] of [
      [128, 3],
      [33, 2],
      [100, 4],
      [1, 4],
    ]) {
      const ranges = shardRanges(n, workers);
      expect(ranges[0][0]).toBe(0);
      expect(ranges.at(-1)?.[1]).toBe(n);
      ranges.slice(1).forEach(([start], i) => expect(start).toBe(ranges[i][1]));
      const sizes = ranges.map(([a, b]) => b - a);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(ranges.length).toBeLessThanOrEqual(workers);
    }
  });
});

describe('train on worker threads', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  afterAll(async () => {
    await shutdownTrainingWorkers();
  });

  it('makes the same updates as one thread, up to float rounding (SGD, Adam, RMSprop)', async () => {
    for (const optimizer of ['sgd', 'adam', 'rmsprop'] as const) {
      const spec = plainSpec(optimizer);
      const runs: {
        threads: number;
        seen: number[];
        result: Awaited<ReturnType<typeof train>>;
        weights: Float32Array[];
        /** The optimizer's iteration count and moments, as tfjs would save them. */
        optimizerState: Float32Array[];
      }[] = [];
      for (const threads of [1, 2, 3]) {
        const m = model(spec);
        const seen: number[] = [];
        const result = await train(
          data,
          m,
          { epochs: 2, batchSize: BATCH, seed: 3, threads },
          { onThreads: (n) => seen.push(n) },
        );
        const state = await m.optimizer.getWeights();
        const optimizerState = state.map((w) => w.tensor.dataSync() as Float32Array);
        runs.push({ threads, seen, result, weights: weightsOf(m), optimizerState });
        dispose(m);
      }
      expect(runs.map((r) => r.seen)).toEqual([[1], [2], [3]]);
      for (const run of runs.slice(1)) {
        expect(relativeDiff(run.weights, runs[0].weights)).toBeLessThan(1e-4);
        const [iterations, ...moments] = run.optimizerState;
        expect(iterations[0]).toBe(2 * BATCHES);
        expect(run.optimizerState.map((w) => w.length)).toEqual(
          runs[0].optimizerState.map((w) => w.length),
        );
        expect(relativeDiff(moments, runs[0].optimizerState.slice(1))).toBeLessThan(1e-3);
        run.result.history.forEach((r, e) => {
          expect(r.loss).toBeCloseTo(runs[0].result.history[e].loss, 4);
          expect(r.acc).toBeCloseTo(runs[0].result.history[e].acc, 6);
          expect(r.valAcc).toBeCloseTo(runs[0].result.history[e].valAcc as number, 6);
        });
      }
      // The weights did change: the comparison above is not between untouched models.
      const untouched = model(spec);
      expect(relativeDiff(runs[0].weights, weightsOf(untouched))).toBeGreaterThan(1e-3);
      dispose(untouched);
    }
  });

  it('repeats exactly with the same seed and thread count, with dropout and batch norm', async () => {
    const spec = smallConvSpec(SIZE, CLASSES, BATCH);
    const run = async () => {
      const m = model(spec, 5);
      const result = await train(data, m, { epochs: 2, batchSize: BATCH, seed: 8, threads: 2 });
      const weights = weightsOf(m);
      dispose(m);
      return { history: result.history.map((r) => [r.loss, r.acc, r.valLoss, r.valAcc]), weights };
    };
    const a = await run();
    const b = await run();
    expect(b.history).toEqual(a.history);
    b.weights.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(a.weights[i])));
  });

  it('trains a batch norm network to the same weights and moving statistics on 1 and 2 threads', async () => {
    // Batch norm after a conv (8 channels: the SIMD kernels), after a pooling and after a dense
    // layer (12 channels: the JavaScript kernels), no dropout (each shard draws its own masks).
    // SGD: a bias just before a batch norm has a zero gradient up to rounding, which Adam would
    // scale up to a full step of either sign.
    const spec: ModelSpec = {
      ...plainSpec('sgd'),
      compile: { ...plainSpec('sgd').compile, learningRate: 0.05 },
      name: 'batch norm',
      layers: [
        {
          type: 'conv2d',
          filters: 8,
          kernelSize: 3,
          strides: 1,
          padding: 'valid',
          activation: 'relu',
        },
        { type: 'batchNormalization' },
        { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
        { type: 'batchNormalization' },
        { type: 'flatten' },
        { type: 'dense', units: 12, activation: 'relu' },
        { type: 'batchNormalization' },
      ],
    };
    const few = { ...data, train: data.train.slice(0, 4 * BATCH) };
    const runs = [];
    for (const threads of [1, 2]) {
      const m = model(spec, 9);
      const before = weightsOf(m);
      const result = await train(few, m, { epochs: 1, batchSize: BATCH, seed: 1, threads });
      runs.push({ before, after: weightsOf(m), state: m.nonTrainableWeights.length, result });
      dispose(m);
    }
    const [single, parallel] = runs;
    expect(single.state).toBe(6);
    expect(parallel.before).toEqual(single.before);
    expect(parallel.result.batchesRun).toBe(4);
    // Every weight, the moving means and variances included (getWeights lists them all). Relative
    // to at least 1: the biases just before a batch norm stay near zero (zero gradient, rounding).
    const worst = Math.max(...parallel.after.map((w, i) => relativeMaxError(w, single.after[i])));
    expect(worst).toBeLessThan(1e-5);
    expect(relativeDiff(single.after, single.before)).toBeGreaterThan(1e-3);
    expect(parallel.result.history[0].loss).toBeCloseTo(single.result.history[0].loss, 5);
  });

  it('leaks no tensors in the training thread or the workers between epochs', async () => {
    const m = model(smallConvSpec(SIZE, CLASSES, BATCH));
    const main: number[] = [];
    const workers: number[][] = [];
    await train(
      data,
      m,
      { epochs: 3, batchSize: BATCH, seed: 2, threads: 2 },
      {
        onEpochEnd: async () => {
          main.push(tf.memory().numTensors);
          workers.push(await trainingWorkerTensors());
        },
      },
    );
    dispose(m);
    expect(new Set(main).size).toBe(1);
    expect(workers[0]).toHaveLength(1); // two threads: this one and one worker
    expect(new Set(workers.map((w) => w.join())).size).toBe(1);
  });

  it('stops, pauses and continues with initialEpoch like the one-thread loop', async () => {
    const m = model(smallConvSpec(SIZE, CLASSES, BATCH));
    const control = new TrainControl();
    const first = await train(
      data,
      m,
      { epochs: 3, batchSize: BATCH, seed: 6, threads: 2 },
      {
        onBatchEnd: (p) => {
          if (p.epoch === 1 && p.batch === 2) {
            control.pause();
            setTimeout(() => control.resume(), 100);
          }
          if (p.epoch === 2 && p.batch === 2) control.stop();
        },
      },
      control,
    );
    expect(first).toMatchObject({ stopped: true, epochsRun: 1, batchesRun: BATCHES + 2 });
    const rest = await train(data, m, {
      epochs: 3,
      batchSize: BATCH,
      seed: 6,
      threads: 2,
      history: first.history,
    });
    expect(rest.history.map((r) => r.epoch)).toEqual([1, 2, 3]);
    expect(rest.valAcc).toBeGreaterThan(0.8);
    dispose(m);
  });

  it('goes on in one thread when a worker dies during a run, keeping every finished batch', async () => {
    const m = model(plainSpec('adam'));
    const threads: number[] = [];
    const messages: string[] = [];
    const batches: number[] = [];
    const result = await train(
      data,
      m,
      { epochs: 2, batchSize: BATCH, seed: 4, threads: 2 },
      {
        onThreads: (n) => threads.push(n),
        onStatus: (s) => messages.push(s.message),
        onBatchEnd: (p) => {
          batches.push(p.batch);
          if (p.epoch === 1 && p.batch === 3) void terminateTrainingWorkers();
        },
      },
    );
    expect(threads).toEqual([2, 1]);
    expect(messages.some((t) => /A worker thread failed .*going on with one/.test(t))).toBe(true);
    expect(batches).toHaveLength(2 * BATCHES);
    expect(result.epochsRun).toBe(2);
    // The same run on one thread from the start ends close by (same updates up to rounding).
    const reference = model(plainSpec('adam'));
    await train(data, reference, { epochs: 2, batchSize: BATCH, seed: 4, threads: 1 });
    expect(relativeDiff(weightsOf(m), weightsOf(reference))).toBeLessThan(1e-4);
    dispose(m);
    dispose(reference);
  });

  it('goes on in one thread when the workers stop during a batch norm run (no thread waits for them)', async () => {
    const m = model(smallConvSpec(SIZE, CLASSES, BATCH));
    const threads: number[] = [];
    const result = await train(
      data,
      m,
      { epochs: 1, batchSize: BATCH, seed: 4, threads: 2 },
      {
        onThreads: (n) => threads.push(n),
        onBatchEnd: (p) => {
          if (p.batch === 2) void terminateTrainingWorkers();
        },
      },
    );
    expect(threads).toEqual([2, 1]);
    expect(result.batchesRun).toBe(BATCHES);
    dispose(m);
  });

  it('goes on in one thread when the workers cannot start, and says so', async () => {
    await shutdownTrainingWorkers();
    const saved = process.env[WORKER_ENTRY_ENV];
    process.env[WORKER_ENTRY_ENV] = '/nonexistent/letter-lab-worker.js';
    try {
      const m = model(plainSpec('sgd'));
      const messages: string[] = [];
      const threads: number[] = [];
      const result = await train(
        data,
        m,
        { epochs: 1, batchSize: BATCH, seed: 1, threads: 2 },
        { onStatus: (s) => messages.push(s.message), onThreads: (n) => threads.push(n) },
      );
      dispose(m);
      expect(result.epochsRun).toBe(1);
      expect(threads).toEqual([1]);
      expect(messages[0]).toMatch(/one thread.*worker entry file is missing/);
    } finally {
      if (saved === undefined) delete process.env[WORKER_ENTRY_ENV];
      else process.env[WORKER_ENTRY_ENV] = saved;
    }
  });

  it('rejects a thread count that is not a whole number >= 1', async () => {
    const m = model(plainSpec('sgd'));
    await expect(
      train(data, m, { epochs: 1, batchSize: BATCH, seed: 1, threads: 0 }),
    ).rejects.toThrow(/Threads must be a whole number/);
    dispose(m);
  });
});
