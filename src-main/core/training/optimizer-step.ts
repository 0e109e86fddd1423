// Applies one batch's gradients with the model's optimizer. An optimizer's applyGradients makes
// 2 (SGD) to 12 (Adam) kernel calls per variable, each a few tens of microseconds of dispatch for
// a few thousand numbers; for the optimizers Letter Lab compiles (tfjs's SGDOptimizer, and Keras
// 2.1.4's Adam and RMSprop from core/model/keras-optimizers; exactly these classes) on a backend
// with our kernel, one call per variable (core/backend/kernels/optimizer-update) computes the same
// float32 operations. The optimizer's own state variables are updated, under the names tfjs
// gives them, so saving and continuing a run see exactly what its applyGradients would have
// left. Any other optimizer (or a variable without gradient) goes through its applyGradients.

import * as tf from '@tensorflow/tfjs-core';
import { KerasAdam, KerasRMSprop } from '../model/keras-optimizers';
import {
  hasOptimizerUpdate,
  optimizerUpdate,
  type OptimizerUpdateAttrs,
} from '../backend/kernels/optimizer-update';

interface Slot {
  originalName: string;
  variable: tf.Variable;
}

/** The fields of tfjs 4.22's optimizers (which Keras's keep) read and written here. */
interface TfjsOptimizer {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  decay: number;
  momentum: number;
  centered: boolean;
  incrementIterations(): void;
  [slots: string]: unknown;
}

/** The slot arrays of each optimizer, with the suffix tfjs gives their variables. */
const SLOTS: Record<OptimizerUpdateAttrs['kind'], [field: string, suffix: string][]> = {
  sgd: [],
  adam: [
    ['accumulatedFirstMoment', 'm'],
    ['accumulatedSecondMoment', 'v'],
  ],
  rmsprop: [
    ['accumulatedMeanSquares', 'rms'],
    ['accumulatedMoments', 'momentum'],
  ],
};

/** The update kind of the optimizers Letter Lab compiles (these classes, no subclass), else null. */
export function updateKind(optimizer: tf.Optimizer): OptimizerUpdateAttrs['kind'] | null {
  const o = optimizer as unknown as TfjsOptimizer;
  if (optimizer.constructor === tf.SGDOptimizer) return 'sgd';
  if (optimizer.constructor === KerasAdam) return 'adam';
  if (optimizer.constructor === KerasRMSprop && !o.centered) return 'rmsprop';
  return null;
}

function attrsOf(kind: OptimizerUpdateAttrs['kind'], o: TfjsOptimizer): OptimizerUpdateAttrs {
  if (kind === 'sgd') return { kind, learningRate: o.learningRate };
  if (kind === 'adam') {
    return {
      kind,
      learningRate: o.learningRate,
      beta1: o.beta1,
      beta2: o.beta2,
      epsilon: o.epsilon,
      accBeta1: o.accBeta1.dataSync()[0],
      accBeta2: o.accBeta2.dataSync()[0],
    };
  }
  return {
    kind,
    learningRate: o.learningRate,
    decay: o.decay,
    momentum: o.momentum,
    epsilon: o.epsilon,
  };
}

/** The optimizer's state variable `field`[i] for `variable`, made (zeros) the first time. */
function slot(o: TfjsOptimizer, field: string, suffix: string, i: number, variable: tf.Variable) {
  const list = o[field] as (Slot | undefined)[];
  list[i] ??= {
    originalName: `${variable.name}/${suffix}`,
    variable: tf.tidy(() => tf.zerosLike(variable).variable(false)),
  };
  return list[i].variable;
}

/**
 * Applies the gradients of `variables` with `optimizer` in one kernel call per variable;
 * `shards[s][i]` is shard s's gradient of variable i (one shard, or the shards of a batch split
 * between threads, added in shard order). Returns false (nothing done) when this optimizer or
 * backend has no such path, or a gradient is missing.
 */
export function applyWithOneKernel(
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  shards: (tf.Tensor | null)[][],
): boolean {
  const kind = updateKind(optimizer);
  const complete = shards.every((grads) => grads.every((g) => g !== null));
  if (!kind || !hasOptimizerUpdate(tf.getBackend()) || !complete) return false;
  const o = optimizer as unknown as TfjsOptimizer;
  const attrs = attrsOf(kind, o);
  tf.tidy(() => {
    variables.forEach((variable, i) => {
      const state = SLOTS[kind].map(([field, suffix]) => slot(o, field, suffix, i, variable));
      const gradients = shards.map((grads) => grads[i]);
      const [value, ...next] = optimizerUpdate(attrs, variable, gradients, state);
      state.forEach((s, k) => s.assign(next[k]));
      variable.assign(value);
    });
    if (attrs.kind === 'adam') {
      const f = Math.fround;
      o.accBeta1.assign(tf.scalar(f(attrs.accBeta1 * f(o.beta1))));
      o.accBeta2.assign(tf.scalar(f(attrs.accBeta2 * f(o.beta2))));
    }
  });
  o.incrementIterations();
  return true;
}
