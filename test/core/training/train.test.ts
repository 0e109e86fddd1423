import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { BatchProgress, EpochRecord, TrainStatus } from '../../../src-main/contract/training';
import { initBackend } from '../../../src-main/core/backend';
import { LetterLabError } from '../../../src-main/core/errors';
import { buildModel, compileModel } from '../../../src-main/core/model/build';
import { TrainControl, shuffled, train } from '../../../src-main/core/training';
import { smallConvSpec, syntheticSet } from './synthetic';

const SIZE = 12;
const CLASSES = 4;
const data = syntheticSet(600, SIZE, CLASSES, 11);
const BATCH = 32;
const BATCHES = Math.ceil(data.train.length / BATCH);

function freshModel(seed = 1): tfl.LayersModel {
  const spec = smallConvSpec(SIZE, CLASSES, BATCH);
  const model = buildModel(spec, { seed });
  compileModel(model, spec.compile);
  return model;
}

function weightsOf(model: tfl.LayersModel): Float32Array[] {
  return model.getWeights().map((w) => w.dataSync() as Float32Array);
}

describe('train', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('learns, reports every batch and epoch, and leaks no tensors between epochs', async () => {
    const model = freshModel();
    const batches: BatchProgress[] = [];
    const epochs: EpochRecord[] = [];
    const states: TrainStatus['state'][] = [];
    const tensorsAfterEpoch: number[] = [];
    const result = await train(
      data,
      model,
      { epochs: 3, batchSize: BATCH, seed: 5 },
      {
        onBatchEnd: (p) => batches.push(p),
        onEpochEnd: (r) => {
          epochs.push(r);
          tensorsAfterEpoch.push(tf.memory().numTensors);
        },
        onStatus: (s) => states.push(s.state),
      },
    );
    expect(tensorsAfterEpoch).toHaveLength(3);
    expect(new Set(tensorsAfterEpoch).size).toBe(1);
    expect(batches).toHaveLength(3 * BATCHES);
    expect(batches.slice(0, BATCHES).map((b) => b.batch)).toEqual(
      Array.from({ length: BATCHES }, (_, i) => i + 1),
    );
    expect(
      batches.every((b) => b.batches === BATCHES && b.samplesPerSecond > 0 && b.secondsLeft >= 0),
    ).toBe(true);
    expect(batches.at(-1)?.epoch).toBe(3);
    expect(epochs.map((r) => r.epoch)).toEqual([1, 2, 3]);
    expect(result.history).toEqual(epochs);
    expect(states.filter((s) => s === 'validating')).toHaveLength(3);
    expect(states.at(-1)).toBe('finished');
    // The running mean at the last batch of an epoch is the epoch's training loss.
    expect(batches[BATCHES - 1].loss).toBeCloseTo(epochs[0].loss, 6);
    expect(epochs[2].loss).toBeLessThan(epochs[0].loss);
    expect(result.valAcc).toBe(epochs[2].valAcc);
    expect(result.valAcc).toBeGreaterThan(0.9);
    expect(result).toMatchObject({ stopped: false, epochsRun: 3, batchesRun: 3 * BATCHES });
    model.dispose();
  });

  it('is repeatable on wasm with the same seeds, and differs with another shuffle seed', async () => {
    const run = async (trainSeed: number) => {
      const model = freshModel(3);
      const result = await train(data, model, { epochs: 2, batchSize: BATCH, seed: trainSeed });
      const weights = weightsOf(model);
      model.dispose();
      return {
        history: result.history.map(({ loss, acc, valLoss, valAcc }) => ({
          loss,
          acc,
          valLoss,
          valAcc,
        })),
        weights,
      };
    };
    const a = await run(9);
    const b = await run(9);
    const c = await run(10);
    expect(b.history).toEqual(a.history);
    b.weights.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(a.weights[i])));
    expect(c.history[0].loss).not.toBe(a.history[0].loss);
  });

  it('stops at the next batch reporting the last full epoch, and continues with initialEpoch to a full history', async () => {
    const model = freshModel();
    const control = new TrainControl();
    let weightsAtEpoch1: Float32Array[] = [];
    const first = await train(
      data,
      model,
      { epochs: 4, batchSize: BATCH, seed: 2 },
      {
        onEpochEnd: () => {
          weightsAtEpoch1 = weightsOf(model);
        },
        onBatchEnd: (p) => {
          if (p.epoch === 2 && p.batch === 3) control.stop();
        },
      },
      control,
    );
    expect(first.stopped).toBe(true);
    expect(first.history.map((r) => r.epoch)).toEqual([1]);
    expect(first.batchesRun).toBe(BATCHES + 3);
    // What a stop reports is the last full epoch: its validation, not the unfinished epoch's.
    expect(first.valAcc).toBe(first.history[0].valAcc);
    expect(first.valLoss).toBe(first.history[0].valLoss);
    // The three batches of epoch 2 are in the weights in memory (the trainer keeps epoch 1's save).
    const now = weightsOf(model);
    expect(now.some((w, i) => w.some((v, j) => v !== weightsAtEpoch1[i][j]))).toBe(true);

    const rest = await train(data, model, {
      epochs: 4,
      batchSize: BATCH,
      seed: 2,
      initialEpoch: first.history.length,
      history: first.history,
    });
    expect(rest.stopped).toBe(false);
    expect(rest.epochsRun).toBe(3);
    expect(rest.history.map((r) => r.epoch)).toEqual([1, 2, 3, 4]);
    expect(rest.history[0]).toEqual(first.history[0]);
    model.dispose();
  });

  it('pauses between batches until resumed', async () => {
    const model = freshModel();
    const control = new TrainControl();
    const events: string[] = [];
    let resumedAt = 0;
    let firstBatchAfterResume = 0;
    const done = train(
      data,
      model,
      { epochs: 1, batchSize: BATCH, seed: 4 },
      {
        onBatchEnd: (p) => {
          events.push(`batch ${p.batch}`);
          if (p.batch === 2) {
            control.pause();
            setTimeout(() => {
              events.push('resume');
              resumedAt = performance.now();
              control.resume();
            }, 300);
          }
          if (p.batch === 3) firstBatchAfterResume = performance.now();
        },
        onStatus: (s) => events.push(s.state),
      },
      control,
    );
    const result = await done;
    expect(result.stopped).toBe(false);
    const i = events.indexOf('batch 2');
    expect(events.slice(i, i + 4)).toEqual(['batch 2', 'paused', 'resume', 'training']);
    expect(firstBatchAfterResume).toBeGreaterThanOrEqual(resumedAt);
    model.dispose();
  });

  it('stop while paused ends the run', async () => {
    const model = freshModel();
    const control = new TrainControl();
    const result = await train(
      data,
      model,
      { epochs: 2, batchSize: BATCH, seed: 4 },
      {
        onBatchEnd: (p) => {
          if (p.batch === 1) {
            control.pause();
            setTimeout(() => control.stop(), 50);
          }
        },
      },
      control,
    );
    expect(result).toMatchObject({ stopped: true, batchesRun: 1, epochsRun: 0 });
    model.dispose();
  });

  it('rejects options it cannot train with, naming the problem', async () => {
    const model = freshModel();
    const attempt = (opts: Partial<Parameters<typeof train>[2]>, set = data) =>
      train(set, model, { epochs: 1, batchSize: BATCH, seed: 1, ...opts });
    await expect(attempt({ batchSize: 0 })).rejects.toThrow(/Batch size/);
    await expect(attempt({ epochs: 2, initialEpoch: 2 })).rejects.toThrow(/already has 2 epochs/);
    await expect(attempt({}, syntheticSet(50, 10, CLASSES, 1))).rejects.toThrow(/12x12x1 images/);
    await expect(attempt({}, syntheticSet(50, SIZE, 3, 1))).rejects.toBeInstanceOf(LetterLabError);
    model.dispose();
  });
});

describe('shuffled', () => {
  it('is a repeatable permutation that depends on the seed', () => {
    const indices = Uint32Array.from({ length: 100 }, (_, i) => i * 3);
    const a = shuffled(indices, 1);
    expect(Array.from(a).sort((p, q) => p - q)).toEqual(Array.from(indices));
    expect(Array.from(shuffled(indices, 1))).toEqual(Array.from(a));
    expect(Array.from(shuffled(indices, 2))).not.toEqual(Array.from(a));
    expect(Array.from(a)).not.toEqual(Array.from(indices));
  });
});
