// Data-parallel training steps: every batch is cut into one contiguous shard per worker; each
// worker computes the gradients of its shard's mean loss, scaled by the shard's share of the batch,
// at the weights the training thread sends along; the training thread adds them up (in a fixed
// order, so runs repeat exactly) and applies the sum with the model's optimizer. This is
// synchronous SGD: the same update as one thread computing the whole batch, up to float rounding,
// except for the two layers whose training behaviour depends on the batch itself:
//   Dropout             each shard draws its own masks (seeded per shard, so still repeatable);
//   BatchNormalization  each shard is normalised with its own mean and variance, as in PyTorch's
//                       DataParallel; the moving mean and variance then become the average of
//                       the shards' updated values weighted by shard size (for the mean this is
//                       exactly the update with the batch mean; the variance misses the spread
//                       between shard means). PyTorch keeps replica 0's instead; averaging keeps
//                       every sample's statistics.

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Predictor } from '../evaluate';
import { dropoutLayers } from '../step';
import {
  applyGradients,
  dropoutSeeds,
  type Batch,
  type StepResult,
  type Stepper,
} from '../stepper';
import type { WorkerPool } from './pool';
import { FlatOptimizer } from './flat-optimizer';
import { releaseWorkers } from './shared';
import { readWeights, writeWeights } from './weights';

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

export interface ImageShape {
  height: number;
  width: number;
  classes: number;
}

export class ParallelStepper implements Stepper {
  private readonly dropoutCount: number;
  private released = false;

  private constructor(
    private readonly model: tfl.LayersModel,
    private readonly pool: WorkerPool,
    private readonly shape: ImageShape,
    /** The optimizer on flat arrays, or null to use the model's tfjs optimizer every step. */
    private flat: FlatOptimizer | null,
  ) {
    this.dropoutCount = dropoutLayers(model).length;
  }

  /** Loads `model` into every worker of `pool`; the stepper owns the pool from then on. */
  static async create(
    model: tfl.LayersModel,
    pool: WorkerPool,
    shape: ImageShape,
  ): Promise<ParallelStepper> {
    const loss = model.loss;
    if (typeof loss !== 'string') {
      throw new Error('only models compiled with a loss given by name train on several threads');
    }
    await pool.loadModel({
      type: 'load-model',
      topology: model.toJSON(null, false) as object,
      loss,
      weightShapes: model.weights.map((w) => w.shape as number[]),
      ...shape,
    });
    return new ParallelStepper(model, pool, shape, FlatOptimizer.from(model));
  }

  get threads(): number {
    return this.pool.size;
  }

  /** Validation on the workers: each predicts a share of the images at the current weights. */
  readonly predict: Predictor = async (images, count) => {
    const pixels = this.shape.height * this.shape.width;
    const weights = this.flat ? this.flat.weights : readWeights(this.model.weights);
    const shards = shardRanges(count, this.pool.size);
    const parts = await Promise.all(
      shards.map(([start, end], s) => {
        const shard = images.slice(start * pixels, end * pixels);
        return this.pool.predict(
          s,
          { type: 'predict', weights, images: shard, count: end - start },
          [shard.buffer],
        );
      }),
    );
    const out = new Float32Array(count * this.shape.classes);
    parts.forEach((part, s) => out.set(part.probs, shards[s][0] * this.shape.classes));
    return out;
  };

  async step(batch: Batch, seedParts: number[]): Promise<StepResult> {
    const n = batch.labels.length;
    const pixels = this.shape.height * this.shape.width;
    const weights = this.flat ? this.flat.weights : readWeights(this.model.weights);
    const shards = shardRanges(n, this.pool.size);
    const replies = await Promise.all(
      shards.map(([start, end], s) => {
        // Copies of just the shard (cloning a subarray would send the whole batch).
        const images = batch.images.slice(start * pixels, end * pixels);
        const labels = batch.labels.slice(start, end);
        return this.pool.step(
          s,
          {
            type: 'step',
            weights,
            images,
            labels,
            scale: (end - start) / n,
            dropoutSeeds: dropoutSeeds(seedParts, s, this.dropoutCount),
          },
          [images.buffer, labels.buffer],
        );
      }),
    );
    // Sum the shards' gradients in shard order (the same order every run).
    const sums = this.model.trainableWeights.map((_, j) => {
      let sum: Float32Array | null = null;
      for (const reply of replies) {
        const g = reply.grads[j];
        if (!g) continue;
        if (!sum) sum = g;
        else for (let k = 0; k < sum.length; k++) sum[k] += g[k];
      }
      return sum;
    });
    if (this.flat && sums.some((g) => g === null)) {
      // A weight without gradient: tfjs's optimizer skips it; leave the update to it from now on.
      this.flat.sync();
      this.flat = null;
    }
    if (this.flat) this.flat.apply(sums as Float32Array[]);
    else this.applyWithTfjs(sums);
    const states = this.model.nonTrainableWeights;
    if (states.length > 0) {
      const averaged = states.map((_, j) => {
        const acc = new Float64Array(replies[0].state[j].length);
        replies.forEach((reply, s) => {
          const share = (shards[s][1] - shards[s][0]) / n;
          const v = reply.state[j];
          for (let k = 0; k < acc.length; k++) acc[k] += share * v[k];
        });
        return Float32Array.from(acc);
      });
      if (this.flat) this.flat.setState(averaged);
      else writeWeights(states, averaged);
    }
    let loss = 0;
    let correct = 0;
    for (const reply of replies) {
      loss += reply.loss;
      correct += reply.correct;
    }
    return { loss, acc: correct / n };
  }

  private applyWithTfjs(sums: (Float32Array | null)[]): void {
    const trainable = this.model.trainableWeights;
    const grads = sums.map((g, j) => (g ? tf.tensor(g, trainable[j].shape as number[]) : null));
    try {
      applyGradients(this.model, grads);
    } finally {
      tf.dispose(grads.filter((g): g is tf.Tensor => g !== null));
    }
  }

  sync(): void {
    this.flat?.sync();
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.sync();
    releaseWorkers(this.pool);
  }
}
