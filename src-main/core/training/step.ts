// One training step's gradients, the way model.trainOnBatch computes them (forward pass in training
// mode, the compiled loss averaged over the samples, plus any regularisation), for one shard of a
// batch. The same function runs in the training thread and in every worker of a data-parallel run,
// so one shard on one thread and the old trainOnBatch loop agree.

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { withShardStats, type ShardGather } from '../backend/kernels/batch-norm-train';
import { trainingLoss } from './forward';

/** tfjs-layers' Dropout reads `seed` on every call; we set one per shard and batch (a fixed seed
 * would repeat the same mask every batch) and clear it afterwards so it is not saved. */
interface SeedableDropout {
  seed?: number;
}

export function dropoutLayers(model: tfl.LayersModel): SeedableDropout[] {
  return model.layers.filter((l) => l.getClassName() === 'Dropout') as unknown as SeedableDropout[];
}

/** The variables the optimizer updates, in the order trainOnBatch hands them to it. */
export function trainableVariables(model: tfl.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}

export interface ShardGradients {
  /** Mean loss of the shard times `scale` (so the shards' values add up to the batch mean). */
  loss: number;
  /** How many of the shard's samples the model got right (arg max of the output). */
  correct: number;
  /** d(loss * scale)/d(variable) for trainableVariables(model), in that order; null for a
   * variable the loss does not depend on. The caller disposes them. */
  grads: (tf.Tensor | null)[];
}

/** Index of the largest of `classes` values from `row * classes`; the first one wins ties. */
function argMax(values: Float32Array | Int32Array | Uint8Array, row: number, classes: number) {
  let best = 0;
  for (let c = 1; c < classes; c++) if (values[row + c] > values[row + best]) best = c;
  return best;
}

/**
 * Gradients of `scale` times the mean loss of `model` on images `x` with one-hot labels `y`
 * (training mode: dropout masks from `dropoutSeeds`, one per Dropout layer; batch normalisation
 * takes the statistics of the whole batch, gathered from the other shards by `gather` when the
 * batch is split between threads, and updates its moving averages). Weights are not changed.
 */
export async function shardGradients(
  model: tfl.LayersModel,
  x: tf.Tensor,
  y: tf.Tensor2D,
  labels: Uint8Array,
  scale: number,
  dropoutSeeds: number[],
  gather: ShardGather | null = null,
): Promise<ShardGradients> {
  const dropouts = dropoutLayers(model);
  const variables = trainableVariables(model);
  let probs: tf.Tensor | null = null;
  dropouts.forEach((d, i) => (d.seed = dropoutSeeds[i]));
  let result: { value: tf.Scalar; grads: tf.NamedTensorMap };
  try {
    result = withShardStats(gather, () =>
      tf.variableGrads(() => {
        const { loss: value, output } = trainingLoss(model, x, y, scale);
        probs = tf.keep(output);
        let loss = value;
        for (const penalty of model.calculateLosses()) loss = tf.add(loss, tf.mul(penalty, scale));
        return loss;
      }, variables),
    );
  } catch (err) {
    if (probs) tf.dispose(probs);
    throw err;
  } finally {
    dropouts.forEach((d) => (d.seed = undefined));
  }
  const kept = probs as unknown as tf.Tensor;
  try {
    const [lossValue, out] = await Promise.all([result.value.data(), kept.data()]);
    const classes = kept.shape[1] ?? 1;
    let correct = 0;
    for (let k = 0; k < labels.length; k++) {
      if (argMax(out, k * classes, classes) === labels[k]) correct++;
    }
    return {
      loss: lossValue[0],
      correct,
      grads: variables.map((v) => result.grads[v.name] ?? null),
    };
  } finally {
    tf.dispose([result.value, kept]);
  }
}
