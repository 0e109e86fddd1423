// One shard of a data-parallel step or prediction, computed the same way wherever it runs: in a
// worker thread (./worker-entry.ts) or in the training thread itself, which takes the first shard
// of every batch (./parallel-stepper.ts).

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ShardGather } from '../../backend/kernels/batch-norm-train';
import { batchTensors } from '../batches';
import { shardGradients } from '../step';
import { ownedValues, readWeights, writeWeights } from './weights';

export interface ShardInput {
  /** Values for model.weights to compute at, or null: the model already has them. */
  weights: Float32Array[] | null;
  images: Float32Array;
  labels: Uint8Array;
  /** The shard's share of the batch (its gradients and loss are scaled by it). */
  scale: number;
  dropoutSeeds: number[];
  height: number;
  width: number;
  classes: number;
  /** Gathers batch norm statistics from every shard of the batch (null: no other shards). */
  gather: ShardGather | null;
}

export interface ShardResult {
  loss: number;
  correct: number;
  /** In model.trainableWeights order; null where the loss does not depend on the weight. */
  grads: (Float32Array | null)[];
  /** model.nonTrainableWeights after the step (batch normalisation's moving averages). */
  state: Float32Array[];
}

/** The gradients of one shard as plain arrays the caller owns; the model's weights are set to
 * `input.weights` first, and its batch-norm state moves on as in a training step. */
export async function runShard(model: tfl.LayersModel, input: ShardInput): Promise<ShardResult> {
  if (input.weights) writeWeights(model.weights, input.weights);
  const { x, y } = batchTensors(
    input.images,
    input.labels,
    input.height,
    input.width,
    input.classes,
  );
  let grads: (tf.Tensor | null)[] = [];
  try {
    const shard = await shardGradients(
      model,
      x,
      y,
      input.labels,
      input.scale,
      input.dropoutSeeds,
      input.gather,
    );
    grads = shard.grads;
    return {
      loss: shard.loss,
      correct: shard.correct,
      grads: grads.map((g) => (g ? ownedValues(g) : null)),
      state: readWeights(model.nonTrainableWeights),
    };
  } finally {
    tf.dispose([x, y, ...grads.filter((g): g is tf.Tensor => g !== null)]);
  }
}

/** The model's output probabilities for `count` images ([count, height, width, 1] pixels), at
 * `weights` when given (else the model's own). */
export async function predictShard(
  model: tfl.LayersModel,
  weights: Float32Array[] | null,
  images: Float32Array,
  count: number,
  height: number,
  width: number,
): Promise<Float32Array> {
  if (weights) writeWeights(model.weights, weights);
  const x = tf.tensor4d(images, [count, height, width, 1]);
  try {
    const probs = tf.tidy(() => model.predict(x) as tf.Tensor);
    const values = (await probs.data()) as Float32Array;
    probs.dispose();
    return values;
  } finally {
    x.dispose();
  }
}
