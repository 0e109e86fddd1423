// The optimizer step of the data-parallel loop on plain Float32Arrays in the training thread:
// ~0.3 ms per step instead of ~4 ms for tfjs's ~100 tiny kernels (Adam), time in which every
// worker would wait. It mirrors the model's optimizer op by op in float32 (Math.fround after
// each operation): Adam and RMSprop as Keras 2.1.4 updates (core/model/keras-optimizers), SGD;
// it starts from the tfjs optimizer's own state, and writes weights and state back (sync)
// before anything reads them: validation, autosave, the end of the run, so saving and
// continuing a run see exactly what the optimizer would hold.

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
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

type Kind = 'Adam' | 'SGD' | 'RMSProp';
/** The tfjs slot arrays of each kind and the suffix tfjs gives their variables. */
const SLOTS: Record<Kind, [keyof TfjsOptimizerState, string][]> = {
  Adam: [
    ['accumulatedFirstMoment', 'm'],
    ['accumulatedSecondMoment', 'v'],
  ],
  SGD: [],
  RMSProp: [
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
    if (kind === 'Adam') {
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
    const kind = optimizer.getClassName() as Kind;
    if (!(kind in SLOTS) || (kind === 'RMSProp' && optimizer.centered)) return null;
    const trainable = model.trainableWeights;
    if (!trainable.every((w, i) => model.weights[i] === w)) return null;
    return new FlatOptimizer(model, optimizer, kind);
  }

  /** One update with the summed gradients of every trainable weight, in order. */
  apply(grads: Float32Array[]): void {
    if (grads.length !== this.trainable) throw new Error('one gradient per trainable weight');
    const o = this.optimizer;
    if (this.kind === 'SGD') {
      const c = f(-o.learningRate);
      grads.forEach((g, i) => {
        const w = this.weights[i];
        for (let k = 0; k < w.length; k++) w[k] = f(f(c * g[k]) + w[k]);
      });
    } else if (this.kind === 'Adam') {
      const b1 = f(o.beta1 as number);
      const b2 = f(o.beta2 as number);
      const oneMinusB1 = f(1 - (o.beta1 as number));
      const oneMinusB2 = f(1 - (o.beta2 as number));
      const eps = f(o.epsilon as number);
      // Keras 2.1.4 (core/model/keras-optimizers): lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t).
      const lrT = f(
        f(f(Math.sqrt(f(1 - this.accBeta2))) * f(o.learningRate)) / f(1 - this.accBeta1),
      );
      const [ms, vs] = this.slots;
      grads.forEach((g, i) => {
        const w = this.weights[i];
        const m = ms[i];
        const v = vs[i];
        for (let k = 0; k < w.length; k++) {
          const gk = g[k];
          const mk = f(f(m[k] * b1) + f(gk * oneMinusB1));
          const vk = f(f(v[k] * b2) + f(f(gk * gk) * oneMinusB2));
          m[k] = mk;
          v[k] = vk;
          w[k] = f(w[k] - f(f(mk * lrT) / f(f(Math.sqrt(vk)) + eps)));
        }
      });
      this.accBeta1 = f(this.accBeta1 * b1);
      this.accBeta2 = f(this.accBeta2 * b2);
    } else {
      const decay = f(o.decay as number);
      const oneMinusDecay = f(1 - (o.decay as number));
      const momentum = f(o.momentum as number);
      const eps = f(o.epsilon as number);
      const lr = f(o.learningRate);
      const [squares, moments] = this.slots;
      grads.forEach((g, i) => {
        const w = this.weights[i];
        const s = squares[i];
        const mo = moments[i];
        for (let k = 0; k < w.length; k++) {
          const gk = g[k];
          const sk = f(f(s[k] * decay) + f(f(gk * gk) * oneMinusDecay));
          const mk = f(f(mo[k] * momentum) + f(f(gk * lr) / f(f(Math.sqrt(sk)) + eps)));
          s[k] = sk;
          mo[k] = mk;
          w[k] = f(w[k] - mk);
        }
      });
    }
    this.steps++;
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
    if (this.kind === 'Adam') {
      tf.tidy(() => {
        (o.accBeta1 as tf.Variable).assign(tf.scalar(this.accBeta1));
        (o.accBeta2 as tf.Variable).assign(tf.scalar(this.accBeta2));
      });
    }
    o.iterations_ = (o.iterations_ ?? 0) + this.steps;
    this.steps = 0;
  }
}
