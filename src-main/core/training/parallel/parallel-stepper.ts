// Data-parallel training steps: every batch is cut into one contiguous shard per thread; the
// training thread computes the first shard itself while each worker computes one of the others
// (a thread that only waited would add a wake-up per step for nothing); each computes the
// gradients of its shard's mean loss, scaled by the shard's share of the batch, at the same
// weights; the training thread adds them up (in a fixed order, so runs repeat exactly) and
// applies the sum with the model's optimizer. This is synchronous SGD: the same update as one
// thread computing the whole batch, up to float rounding. Two layers depend on the batch itself:
//   Dropout             each shard draws its own masks (seeded per shard, so still repeatable);
//   BatchNormalization  as in Keras, the whole batch's mean and variance: the shards exchange
//                       their per-channel sums mid-step (./shard-exchange), so every shard
//                       normalises with the same statistics and moves the moving averages the
//                       same way; the training thread keeps its own.

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Predictor } from '../evaluate';
import { dropoutLayers } from '../step';
import type { ImageSet } from '../../dataset/types';
import { applyShardGradients, dropoutSeeds, type StepResult, type Stepper } from '../stepper';
import type { WorkerPool } from './pool';
import { ShardExchange } from './shard-exchange';
import { sharedImages, type SharedImages } from './shared-data';
import { releaseWorkers } from './shared';
import { predictShard, shardStep, type ShardResult } from './shard';
import { readWeights } from './weights';

/**
 * Runs `work` while `pending` (requests already sent) go on; if `work` fails, waits for them to
 * settle before rethrowing, so no worker is still busy. A request that fails while `work` runs
 * is not an unhandled rejection (which would end the process): the caller awaits it afterwards.
 */
async function settleOnError<T>(pending: Promise<unknown>[], work: () => Promise<T>): Promise<T> {
  for (const p of pending) p.catch(() => undefined);
  try {
    return await work();
  } catch (err) {
    await Promise.allSettled(pending);
    throw err;
  }
}

/** Shards smaller than this cost more in overhead than they gain. */
export const MIN_SHARD = 16;

/** [start, end) of each shard of a batch of n over at most `workers` workers, as even as possible. */
export function shardRanges(n: number, workers: number, minShard = MIN_SHARD): [number, number][] {
  const count = Math.max(1, Math.min(workers, Math.floor(n / minShard)));
  const base = Math.floor(n / count);
  const extra = n % count;
  const ranges: [number, number][] = [];
  let start = 0;
  for (let s = 0; s < count; s++) {
    const end = start + base + (s < extra ? 1 : 0);
    ranges.push([start, end]);
    start = end;
  }
  return ranges;
}

/** The most values one batch norm exchange sends: [count, sums..., second sums...]. */
function exchangeValues(model: tfl.LayersModel): number {
  let channels = 0;
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'BatchNormalization') continue;
    const shape = layer.outputShape as (number | null)[];
    channels = Math.max(channels, shape.at(-1) ?? 0);
  }
  return channels === 0 ? 0 : 1 + 2 * channels;
}

export class ParallelStepper implements Stepper {
  private readonly dropoutCount: number;
  private released = false;
  private readonly removeHook: () => void;

  private constructor(
    private readonly model: tfl.LayersModel,
    private readonly pool: WorkerPool,
    /** The data set, in shared memory: batches are positions in it. */
    private readonly data: SharedImages,
    /** Batch norm's statistics exchange, null for models without batch norm. */
    private readonly exchange: ShardExchange | null,
  ) {
    this.dropoutCount = dropoutLayers(model).length;
    // A pool shut down mid-step must not leave this thread waiting for its workers' statistics.
    this.removeHook = pool.onTerminate(() => exchange?.abort());
  }

  /**
   * Loads `model` and `set` into every worker of `pool`; the stepper owns the pool from then on.
   */
  static async create(
    model: tfl.LayersModel,
    pool: WorkerPool,
    set: ImageSet,
  ): Promise<ParallelStepper> {
    const loss = model.loss;
    if (typeof loss !== 'string') {
      throw new Error('only models compiled with a loss given by name train on several threads');
    }
    const data = sharedImages(set);
    const values = exchangeValues(model);
    const exchange = values > 0 ? ShardExchange.create(pool.size + 1, values) : null;
    await pool.loadModel({
      type: 'load-model',
      topology: model.toJSON(null, false) as object,
      loss,
      weightShapes: model.weights.map((w) => w.shape as number[]),
      data,
      exchange: exchange?.buffer ?? null,
      exchangeShards: pool.size + 1,
    });
    return new ParallelStepper(model, pool, data, exchange);
  }

  /** The training thread and the workers. */
  get threads(): number {
    return this.pool.size + 1;
  }

  /** Validation on every thread: each predicts a share of the images at the current weights. */
  readonly predict: Predictor = async (indices) => {
    const classes = this.data.classes;
    const weights = readWeights(this.model.weights);
    const shards = shardRanges(indices.length, this.threads);
    const remote = shards
      .slice(1)
      .map(([start, end], i) =>
        this.pool.predict(i, { type: 'predict', weights, indices: indices.slice(start, end) }, []),
      );
    const out = new Float32Array(indices.length * classes);
    const [start, end] = shards[0];
    const local = await settleOnError(remote, () =>
      predictShard(this.model, null, this.data, indices.subarray(start, end)),
    );
    out.set(local, start * classes);
    const parts = await Promise.all(remote);
    parts.forEach((part, i) => out.set(part.probs, shards[i + 1][0] * classes));
    return out;
  };

  async step(indices: Uint32Array, seedParts: number[]): Promise<StepResult> {
    const n = indices.length;
    // The model in this thread holds the weights; the workers get a copy with every step.
    const weights = readWeights(this.model.weights);
    const shards = shardRanges(n, this.threads);
    if (this.pool.broken) throw new Error('a worker thread stopped');
    if (this.exchange?.aborted) throw new Error('a worker thread failed during a step');
    // The workers' shards go out first, so they compute while this thread does shard 0.
    const remote = shards.slice(1).map(([start, end], i) =>
      this.pool.step(
        i,
        {
          type: 'step',
          weights,
          // the shard's positions in the shared data set (a copy: cloning a subarray would
          // send the whole array)
          indices: indices.slice(start, end),
          scale: (end - start) / n,
          dropoutSeeds: dropoutSeeds(seedParts, i + 1, this.dropoutCount),
          shard: i + 1,
          shards: shards.length,
        },
        [],
      ),
    );
    const [start, end] = shards[0];
    const exchange = this.exchange;
    const local = await settleOnError(remote, async () => {
      try {
        return await shardStep(this.model, {
          weights: null,
          data: this.data,
          indices: indices.subarray(start, end),
          scale: (end - start) / n,
          dropoutSeeds: dropoutSeeds(seedParts, 0, this.dropoutCount),
          gather: exchange && ((mine) => exchange.gather(0, shards.length, mine)),
        });
      } catch (err) {
        exchange?.abort(); // the workers would wait for this shard's statistics
        throw err;
      }
    });
    let replies: ShardResult[];
    try {
      replies = await Promise.all(remote);
    } catch (err) {
      tf.dispose(local.grads.filter((g): g is tf.Tensor => g !== null));
      throw err;
    }
    // The shards' gradients, added in shard order (the same order every run) by the optimizer
    // step. Batch norm's moving averages moved the same way in every shard (whole-batch
    // statistics): this thread's model holds them already.
    const trainable = this.model.trainableWeights;
    const uploaded = replies.map((reply) =>
      reply.grads.map((g, j) => (g ? tf.tensor(g, trainable[j].shape as number[]) : null)),
    );
    try {
      applyShardGradients(this.model, [local.grads, ...uploaded]);
    } finally {
      tf.dispose([local.grads, ...uploaded].flat().filter((g): g is tf.Tensor => g !== null));
    }
    let loss = local.loss;
    let correct = local.correct;
    for (const reply of replies) {
      loss += reply.loss;
      correct += reply.correct;
    }
    return { loss, acc: correct / n };
  }

  /** Nothing to do: the model in this thread is current after every step. */
  sync(): void {}

  release(): void {
    if (this.released) return;
    this.released = true;
    this.removeHook();
    releaseWorkers(this.pool);
  }
}
