// The optimizer step of the data-parallel loop on plain Float32Arrays in the training thread:
// ~0.3 ms per step instead of ~4 ms for tfjs's ~100 tiny kernels (Adam), time in which every
// worker would wait. It mirrors the model's optimizer op by op in float32: SGD, and Adam and
// RMSprop as Keras 2.1.4 updates (core/model/keras-optimizers), through kernels/optimizer-update's
// updateArrays, which the one-thread loop's kernel uses too. It starts from the tfjs optimizer's
// own state, and writes weights and state back (sync) before anything reads them: validation,
// autosave, the end of the run, so saving and continuing a run see exactly what the optimizer
// would hold.

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { updateArrays, type OptimizerUpdateAttrs } from '../../backend/kernels/optimizer-update';
import { updateKind } from '../optimizer-step';
import { readWeights, writeWeights } from './weights';

const f = Math.fround;

interface Slot {
  originalName: string;
  variable: tf.Variable;
}

/** The fields of tfjs 4.22's optimizers this class reads and writes. */
interface TfjsOptimizerState {
  learningRate: number;
  iterations_?: number;
  // Adam
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  accBeta1?: tf.Variable;
  accBeta2?: tf.Variable;
  accumulatedFirstMoment?: (Slot | undefined)[];
  accumulatedSecondMoment?: (Slot | undefined)[];
  // RMSProp
  decay?: number;
  momentum?: number;
  centered?: boolean;
  accumulatedMeanSquares?: (Slot | undefined)[];
  accumulatedMoments?: (Slot | undefined)[];
}

type Kind = OptimizerUpdateAttrs['kind'];
/** The tfjs slot arrays of each kind and the suffix tfjs gives their variables. */
const SLOTS: Record<Kind, [keyof TfjsOptimizerState, string][]> = {
  adam: [
    ['accumulatedFirstMoment', 'm'],
    ['accumulatedSecondMoment', 'v'],
  ],
  sgd: [],
  rmsprop: [
    ['accumulatedMeanSquares', 'rms'],
    ['accumulatedMoments', 'momentum'],
  ],
};

export class FlatOptimizer {
  /** Values of model.weights: the trainable weights first, then the rest (batch norm). */
  readonly weights: Float32Array[];
  private readonly slots: Float32Array[][];
  private readonly trainable: number;
  private accBeta1 = 0;
  private accBeta2 = 0;
  private steps = 0;

  private constructor(
    private readonly model: tfl.LayersModel,
    private readonly optimizer: TfjsOptimizerState,
    private readonly kind: Kind,
  ) {
    this.weights = readWeights(model.weights);
    this.trainable = model.trainableWeights.length;
    const sizes = this.weights.slice(0, this.trainable).map((w) => w.length);
    this.slots = SLOTS[kind].map(([field]) => {
      const existing = optimizer[field] as (Slot | undefined)[];
      return sizes.map((size, i) => {
        const slot = existing[i];
        if (!slot) return new Float32Array(size);
        const values = slot.variable.dataSync();
        if (!(values instanceof Float32Array) || values.length !== size) {
          throw new Error(`optimizer state ${slot.originalName} does not fit its weight`);
        }
        return values.slice();
      });
    });
    if (kind === 'adam') {
      this.accBeta1 = (optimizer.accBeta1 as tf.Variable).dataSync()[0];
      this.accBeta2 = (optimizer.accBeta2 as tf.Variable).dataSync()[0];
    }
  }

  /**
   * A flat copy of `model`'s optimizer, or null when this class does not mirror it (another
   * optimizer, centred RMSProp, or weights not laid out trainable-first).
   */
  static from(model: tfl.LayersModel): FlatOptimizer | null {
    const optimizer = model.optimizer as unknown as (TfjsOptimizerState & tf.Optimizer) | null;
    if (!optimizer) return null;
    const kind = updateKind(optimizer);
    if (kind === null) return null;
    const trainable = model.trainableWeights;
    if (!trainable.every((w, i) => model.weights[i] === w)) return null;
    return new FlatOptimizer(model, optimizer, kind);
  }

  /** One update with the summed gradients of every trainable weight, in order. */
  apply(grads: Float32Array[]): void {
    if (grads.length !== this.trainable) throw new Error('one gradient per trainable weight');
    const attrs = this.attrs();
    grads.forEach((g, i) => {
      const w = this.weights[i];
      const state = this.slots.map((slots) => slots[i]);
      updateArrays(attrs, w, g, state, [w, ...state]);
    });
    if (attrs.kind === 'adam') {
      this.accBeta1 = f(this.accBeta1 * f(attrs.beta1));
      this.accBeta2 = f(this.accBeta2 * f(attrs.beta2));
    }
    this.steps++;
  }

  /** The optimizer's settings as kernels/optimizer-update takes them. */
  private attrs(): OptimizerUpdateAttrs {
    const o = this.optimizer;
    if (this.kind === 'sgd') return { kind: 'sgd', learningRate: o.learningRate };
    if (this.kind === 'adam') {
      return {
        kind: 'adam',
        learningRate: o.learningRate,
        beta1: o.beta1 as number,
        beta2: o.beta2 as number,
        epsilon: o.epsilon as number,
        accBeta1: this.accBeta1,
        accBeta2: this.accBeta2,
      };
    }
    return {
      kind: 'rmsprop',
      learningRate: o.learningRate,
      decay: o.decay as number,
      momentum: o.momentum as number,
      epsilon: o.epsilon as number,
    };
  }

  /** Replaces the non-trainable weights (batch norm's moving averages), in order. */
  setState(values: Float32Array[]): void {
    values.forEach((v, k) => this.weights[this.trainable + k].set(v));
  }

  /** Writes the weights into the model and the state into its tfjs optimizer. */
  sync(): void {
    writeWeights(this.model.weights, this.weights);
    const o = this.optimizer;
    const trainable = this.model.trainableWeights;
    SLOTS[this.kind].forEach(([field, suffix], s) => {
      const list = o[field] as (Slot | undefined)[];
      this.slots[s].forEach((values, i) => {
        const t = tf.tensor(values, trainable[i].shape as number[]);
        const slot = list[i];
        if (slot) slot.variable.assign(t);
        else {
          const name = (trainable[i].read() as tf.Variable).name;
          list[i] = { originalName: `${name}/${suffix}`, variable: tf.variable(t, false) };
        }
        t.dispose();
      });
    });
    if (this.kind === 'adam') {
      tf.tidy(() => {
        (o.accBeta1 as tf.Variable).assign(tf.scalar(this.accBeta1));
        (o.accBeta2 as tf.Variable).assign(tf.scalar(this.accBeta2));
      });
    }
    o.iterations_ = (o.iterations_ ?? 0) + this.steps;
    this.steps = 0;
  }
}
