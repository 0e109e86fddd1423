// Adam and RMSprop as Keras 2.1.4 (the notebook's version) updates the weights. tfjs's own
// optimizers put epsilon elsewhere:
//   Keras Adam     lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
//                  p   -= lr_t * m_t / (sqrt(v_t) + epsilon)
//   tfjs Adam      p   -= lr * m_hat / (sqrt(v_hat) + epsilon)   (epsilon after bias correction)
//   Keras RMSprop  p   -= lr * g / (sqrt(a_t) + epsilon)
//   tfjs RMSProp   p   -= lr * g / sqrt(a_t + epsilon)
// with epsilon = K.epsilon() = 1e-7. These classes keep tfjs's state layout (moments, accBeta1/2,
// iterations), so saving, loading and the training loop's one-kernel step see the same fields; they
// are registered under tfjs's class names, so a saved model loads with them.

import * as tf from '@tensorflow/tfjs-core';

/** Keras's K.epsilon(), the default epsilon of Adam and RMSprop. */
export const KERAS_EPSILON = 1e-7;

interface Slot {
  originalName: string;
  variable: tf.Variable;
}

/** tfjs 4.22's private fields of AdamOptimizer this class updates. */
interface AdamFields {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: (Slot | undefined)[];
  accumulatedSecondMoment: (Slot | undefined)[];
}

/** tfjs 4.22's fields of RMSPropOptimizer this class updates. */
interface RmsFields {
  centered: boolean;
  learningRate: number;
  decay: number;
  momentum: number;
  epsilon: number;
  accumulatedMeanSquares: (Slot | undefined)[];
  accumulatedMoments: (Slot | undefined)[];
}

type Gradients = Parameters<tf.Optimizer['applyGradients']>[0];

function names(gradients: Gradients): string[] {
  return Array.isArray(gradients) ? gradients.map((g) => g.name) : Object.keys(gradients);
}

function gradientOf(gradients: Gradients, name: string, i: number): tf.Tensor | undefined {
  return Array.isArray(gradients) ? gradients[i].tensor : gradients[name];
}

/** The optimizer slot `i` of a variable, made (zeros) on first use, as tfjs names it. */
function slot(list: (Slot | undefined)[], i: number, value: tf.Variable, suffix: string): Slot {
  list[i] ??= {
    originalName: `${value.name}/${suffix}`,
    variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
  };
  return list[i];
}

export class KerasAdam extends tf.AdamOptimizer {
  override applyGradients(gradients: Gradients): void {
    const o = this as unknown as AdamFields;
    tf.tidy(() => {
      // lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t); accBeta1/2 hold beta^t.
      const lrT = tf.div(
        tf.mul(tf.sqrt(tf.sub(1, o.accBeta2)), o.learningRate),
        tf.sub(1, o.accBeta1),
      );
      names(gradients).forEach((name, i) => {
        const value = tf.engine().registeredVariables[name];
        const m = slot(o.accumulatedFirstMoment, i, value, 'm').variable;
        const v = slot(o.accumulatedSecondMoment, i, value, 'v').variable;
        const g = gradientOf(gradients, name, i);
        if (g == null) return;
        const mT = tf.add(tf.mul(m, o.beta1), tf.mul(g, 1 - o.beta1));
        const vT = tf.add(tf.mul(v, o.beta2), tf.mul(tf.square(g), 1 - o.beta2));
        m.assign(mT);
        v.assign(vT);
        value.assign(tf.sub(value, tf.div(tf.mul(mT, lrT), tf.add(tf.sqrt(vT), o.epsilon))));
      });
      o.accBeta1.assign(tf.mul(o.accBeta1, o.beta1));
      o.accBeta2.assign(tf.mul(o.accBeta2, o.beta2));
    });
    this.incrementIterations();
  }
}

export class KerasRMSprop extends tf.RMSPropOptimizer {
  override applyGradients(gradients: Gradients): void {
    const o = this as unknown as RmsFields;
    if (o.centered) throw new Error('KerasRMSprop is the uncentred RMSprop of Keras 2.1.4');
    names(gradients).forEach((name, i) => {
      const value = tf.engine().registeredVariables[name];
      const meanSquare = slot(o.accumulatedMeanSquares, i, value, 'rms').variable;
      const moment = slot(o.accumulatedMoments, i, value, 'momentum').variable;
      const g = gradientOf(gradients, name, i);
      if (g == null) return;
      tf.tidy(() => {
        const aT = tf.add(tf.mul(meanSquare, o.decay), tf.mul(tf.square(g), 1 - o.decay));
        // Keras has no momentum here; the slot keeps the last step (momentum 0) as tfjs does.
        const step = tf.add(
          tf.mul(moment, o.momentum),
          tf.div(tf.mul(g, o.learningRate), tf.add(tf.sqrt(aT), o.epsilon)),
        );
        meanSquare.assign(aT);
        moment.assign(step);
        value.assign(tf.sub(value, step));
      });
    });
    this.incrementIterations();
  }
}

// Saved models name their optimizer 'Adam' or 'RMSProp': load them as these.
tf.serialization.registerClass(KerasAdam);
tf.serialization.registerClass(KerasRMSprop);

/** Keras 2.1.4's Adam with its defaults (beta 0.9 / 0.999, epsilon K.epsilon()). */
export function kerasAdam(learningRate: number): KerasAdam {
  return new KerasAdam(learningRate, 0.9, 0.999, KERAS_EPSILON);
}

/** Keras 2.1.4's RMSprop with its defaults (rho 0.9, epsilon K.epsilon()). */
export function kerasRmsprop(learningRate: number): KerasRMSprop {
  return new KerasRMSprop(learningRate, 0.9, 0, KERAS_EPSILON, false);
}
