// One shard of a data-parallel step or prediction, computed the same way wherever it runs: in a
// worker thread (./worker-entry.ts) or in the training thread itself, which takes the first shard
// of every batch (./parallel-stepper.ts). The images come from the data set in shared memory
// (./shared-data), by position.

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ShardGather } from '../../backend/kernels/batch-norm-train';
import { tensorsAt } from '../batches';
import { predictAt } from '../evaluate';
import { shardGradients } from '../step';
import type { SharedImages } from './shared-data';
import { ownedValues, writeWeights } from './weights';

export interface ShardInput {
  /** Values for model.weights to compute at, or null: the model already has them. */
  weights: Float32Array[] | null;
  data: SharedImages;
  /** The shard's images: positions in `data`. */
  indices: Uint32Array;
  /** The shard's share of the batch (its gradients and loss are scaled by it). */
  scale: number;
  dropoutSeeds: number[];
  /** Gathers batch norm statistics from every shard of the batch (null: no other shards). */
  gather: ShardGather | null;
}

export interface ShardResult {
  loss: number;
  correct: number;
  /** In model.trainableWeights order; null where the loss does not depend on the weight. */
  grads: (Float32Array | null)[];
}

/** One shard's loss, accuracy and gradients (tensors the caller disposes; in
 * model.trainableWeights order, null where the loss does not depend on the weight). */
export interface ShardTensors {
  loss: number;
  correct: number;
  grads: (tf.Tensor | null)[];
}

/** The gradients of one shard; the model's weights are set to `input.weights` first, and its
 * batch-norm state moves on as in a training step. */
export async function shardStep(model: tfl.LayersModel, input: ShardInput): Promise<ShardTensors> {
  if (input.weights) writeWeights(model.weights, input.weights);
  const { x, y, labels } = tensorsAt(input.data, input.indices);
  try {
    return await shardGradients(model, x, y, labels, input.scale, input.dropoutSeeds, input.gather);
  } finally {
    tf.dispose([x, y]);
  }
}

/** shardStep with the gradients as plain arrays the caller owns (to send to another thread). */
export async function runShard(model: tfl.LayersModel, input: ShardInput): Promise<ShardResult> {
  const shard = await shardStep(model, input);
  try {
    return {
      loss: shard.loss,
      correct: shard.correct,
      grads: shard.grads.map((g) => (g ? ownedValues(g) : null)),
    };
  } finally {
    tf.dispose(shard.grads.filter((g): g is tf.Tensor => g !== null));
  }
}

/** The model's output probabilities for the images at `indices` of `data`, at `weights` when
 * given (else the model's own). */
export async function predictShard(
  model: tfl.LayersModel,
  weights: Float32Array[] | null,
  data: SharedImages,
  indices: Uint32Array,
): Promise<Float32Array> {
  if (weights) writeWeights(model.weights, weights);
  return predictAt(model, data, indices);
}
