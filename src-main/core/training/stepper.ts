// What the training loop calls once per batch: compute the gradients (here, or spread over worker
// threads) and let the model's optimizer apply them. The model in the calling thread always holds
// the weights and the optimizer state, so autosaves, validation and continued runs see them.

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ImageSet } from '../dataset/types';
import { mixSeed, tensorsAt } from './batches';
import type { Predictor } from './evaluate';
import { applyWithOneKernel } from './optimizer-step';
import { dropoutLayers, shardGradients, trainableVariables } from './step';

export interface StepResult {
  /** Mean loss over the batch and share of it classified right, as trainOnBatch reports them. */
  loss: number;
  acc: number;
}

export interface Stepper {
  /** Threads the gradients are computed on. */
  readonly threads: number;
  /**
   * Trains on one batch: the images at `indices` of the stepper's data set. `seedParts` (run
   * seed, epoch, batch) seed the dropout masks.
   */
  step(indices: Uint32Array, seedParts: number[]): Promise<StepResult>;
  /** Predicts with the current weights on the stepper's threads, or null: use the model. */
  readonly predict: Predictor | null;
  /** Makes the model's weights and optimizer state current (before anything reads them). */
  sync(): void;
  /** Syncs, then gives back what the stepper holds (worker threads go back to the shared pool). */
  release(): void;
}

/** Dropout seeds of one shard: shard 0 gets the seeds the single-threaded loop always used. */
export function dropoutSeeds(seedParts: number[], shard: number, layers: number): number[] {
  return Array.from({ length: layers }, (_, i) =>
    shard === 0 ? mixSeed(...seedParts, i) : mixSeed(...seedParts, i, shard),
  );
}

/** The model's optimizer, or a clear error for a model that was never compiled. */
export function optimizerOf(model: tfl.LayersModel): tf.Optimizer {
  const optimizer = model.optimizer as tf.Optimizer | undefined;
  if (!optimizer) throw new Error('The model must be compiled (it has no optimizer) to train.');
  return optimizer;
}

/**
 * Applies gradients (in trainableVariables order; null = no gradient) with the model's optimizer,
 * handing them over in the same order trainOnBatch does, so optimizer state lines up either way.
 * `shards` lists the gradients of each shard of a batch split between threads (one list for a
 * whole batch); they are added in shard order.
 */
export function applyShardGradients(model: tfl.LayersModel, shards: (tf.Tensor | null)[][]): void {
  const variables = trainableVariables(model);
  if (applyWithOneKernel(optimizerOf(model), variables, shards)) return;
  const summed: tf.Tensor[] = [];
  const named: { name: string; tensor: tf.Tensor }[] = [];
  variables.forEach((v, i) => {
    const parts = shards.map((grads) => grads[i]).filter((g): g is tf.Tensor => g !== null);
    if (parts.length === 0) return;
    const sum = parts.slice(1).reduce((acc, g) => {
      const next = tf.add(acc, g);
      summed.push(next);
      return next;
    }, parts[0]);
    named.push({ name: v.name, tensor: sum });
  });
  try {
    optimizerOf(model).applyGradients(named);
  } finally {
    tf.dispose(summed);
  }
}

/** Applies one whole batch's gradients (see applyShardGradients). */
export function applyGradients(model: tfl.LayersModel, grads: (tf.Tensor | null)[]): void {
  applyShardGradients(model, [grads]);
}

/** Computes every batch in the calling thread. */
export class LocalStepper implements Stepper {
  readonly threads = 1;
  readonly predict = null;
  private readonly dropoutCount: number;

  constructor(
    private readonly model: tfl.LayersModel,
    private readonly data: ImageSet,
  ) {
    this.dropoutCount = dropoutLayers(model).length;
  }

  async step(indices: Uint32Array, seedParts: number[]): Promise<StepResult> {
    const { x, y, labels } = tensorsAt(this.data, indices);
    let grads: (tf.Tensor | null)[] = [];
    try {
      const shard = await shardGradients(
        this.model,
        x,
        y,
        labels,
        1,
        dropoutSeeds(seedParts, 0, this.dropoutCount),
      );
      grads = shard.grads;
      applyGradients(this.model, grads);
      return { loss: shard.loss, acc: shard.correct / labels.length };
    } finally {
      tf.dispose([x, y, ...grads.filter((g): g is tf.Tensor => g !== null)]);
    }
  }

  sync(): void {}

  release(): void {}
}
