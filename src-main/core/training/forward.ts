// The forward pass of a training step. For a Sequential model every BatchNormalization over the
// last axis runs as Keras 2.1.4 trains it (core/backend/kernels/batch-norm-train: the whole
// batch's statistics, also when the batch is split between threads, and the moving variance
// moved towards the sample-size corrected variance, both moving averages zero-debiased), as one op where our kernel is registered
// and as tfjs ops elsewhere (native TensorFlow); where our kernels are registered, every Conv2D
// with relu or linear activation runs as one recorded op too (kernels/conv-train: fused conv +
// bias + relu, with a fused backward pass). Every other layer runs as tfjs-layers runs it.
// Other models use model.apply unchanged.

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import {
  batchNormTrain,
  hasBatchNormTrain,
  kerasMovingVariance,
} from '../backend/kernels/batch-norm-train';
import { conv2dTrain, hasConvTrain, type ConvTrainAttrs } from '../backend/kernels/conv-train';

type Layer = tfl.LayersModel['layers'][number];
type LayerVariable = Layer['weights'][number];

interface BatchNormPlan {
  epsilon: number;
  momentum: number;
  /** Moving-average updates so far (Keras's zero_debias local_step), see moveTowards. */
  updates: number;
  gamma: LayerVariable;
  beta: LayerVariable;
  movingMean: LayerVariable;
  movingVariance: LayerVariable;
}

type Plan = { conv: ConvTrainAttrs } | { batchNorm: BatchNormPlan } | null;

/** How a layer runs: as one of our ops (with what it needs) or as itself (null). */
const plans = new WeakMap<Layer, Plan>();

function convPlan(layer: Layer): ConvTrainAttrs | null {
  const c = layer.getConfig() as {
    strides: number[];
    padding: string;
    dataFormat?: string;
    dilationRate: number[] | number;
    activation: string;
    useBias: boolean;
  };
  const dilation = Array.isArray(c.dilationRate) ? c.dilationRate : [c.dilationRate];
  const plain =
    (c.dataFormat ?? 'channelsLast') === 'channelsLast' &&
    dilation.every((d) => d === 1) &&
    (c.padding === 'valid' || c.padding === 'same') &&
    (c.activation === 'relu' || c.activation === 'linear') &&
    layer.weights.length === (c.useBias ? 2 : 1);
  if (!plain) return null;
  return {
    strides: [c.strides[0], c.strides[1] ?? c.strides[0]],
    pad: c.padding as 'valid' | 'same',
    activation: c.activation as 'relu' | 'linear',
  };
}

function batchNormPlan(layer: Layer): BatchNormPlan | null {
  const c = layer.getConfig() as {
    axis: number;
    momentum: number;
    epsilon: number;
    center: boolean;
    scale: boolean;
  };
  const rank = (layer.input as tfl.SymbolicTensor).shape.length;
  const lastAxis = c.axis === -1 || c.axis === rank - 1;
  const byName = (name: string) => layer.weights.find((w) => w.originalName.endsWith(name));
  const [gamma, beta] = [byName('gamma'), byName('beta')];
  const [movingMean, movingVariance] = [byName('moving_mean'), byName('moving_variance')];
  if (!lastAxis || !c.center || !c.scale || !gamma || !beta || !movingMean || !movingVariance) {
    return null;
  }
  return {
    epsilon: c.epsilon,
    momentum: c.momentum,
    updates: 0,
    gamma,
    beta,
    movingMean,
    movingVariance,
  };
}

/** Training steps the model's optimizer has taken (0 for a model never trained). */
function stepsTaken(model: tfl.LayersModel): number {
  const optimizer = model.optimizer as tf.Optimizer | undefined;
  return optimizer ? optimizer.iterations : 0;
}

function planOf(layer: Layer, model: tfl.LayersModel): Plan {
  if (plans.has(layer)) return plans.get(layer) ?? null;
  let plan: Plan = null;
  const kind = layer.getClassName();
  if (kind === 'Conv2D') {
    const conv = convPlan(layer);
    plan = conv ? { conv } : null;
  } else if (kind === 'BatchNormalization') {
    const batchNorm = batchNormPlan(layer);
    // One moving-average update per training step, so far as many as the optimizer's steps.
    if (batchNorm) batchNorm.updates = stepsTaken(model);
    plan = batchNorm ? { batchNorm } : null;
  }
  plans.set(layer, plan);
  return plan;
}

/**
 * Keras 2.1.4's update of a moving average, number `t` (1, 2, ...): its TensorFlow backend calls
 * assign_moving_average(..., zero_debias=True), which keeps biased_t = momentum * biased_{t-1} +
 * (1 - momentum) * value (biased_0 = 0) and sets the variable to biased_t / (1 - momentum^t).
 * From the variable's previous value that is v - (v - value) * (1 - momentum) / (1 - momentum^t):
 * the first update takes the batch's value whole, later ones approach tfjs-layers' plain
 * v - (v - value) * (1 - momentum).
 */
function moveTowards(variable: LayerVariable, value: tf.Tensor, momentum: number, t: number) {
  const rate = (1 - momentum) / (1 - momentum ** t);
  tf.tidy(() => {
    const current = variable.read();
    variable.write(tf.sub(current, tf.mul(tf.sub(current, value), rate)));
  });
}

/** Batch normalisation with tfjs ops, for backends without our kernel (one thread only). */
function batchNormWithOps(
  x: tf.Tensor,
  plan: BatchNormPlan,
): [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor] {
  const axes = x.shape.slice(0, -1).map((_, i) => i);
  const { mean, variance } = tf.moments(x, axes);
  const y = tf.batchNorm(x, mean, variance, plan.beta.read(), plan.gamma.read(), plan.epsilon);
  const count = x.size / (x.shape.at(-1) ?? 1);
  const movingVariance = tf.mul(variance, kerasMovingVariance(1, count, plan.epsilon));
  return [y, mean, variance, movingVariance];
}

function batchNormForward(x: tf.Tensor, plan: BatchNormPlan, ownKernel: boolean): tf.Tensor {
  const [y, mean, , movingVariance] = ownKernel
    ? batchNormTrain(x, plan.gamma.read(), plan.beta.read(), plan.epsilon)
    : batchNormWithOps(x, plan);
  plan.updates++;
  moveTowards(plan.movingMean, mean, plan.momentum, plan.updates);
  moveTowards(plan.movingVariance, movingVariance, plan.momentum, plan.updates);
  return y;
}

/** The model's output for `x` in training mode (dropout and batch norm train). */
export function trainingForward(model: tfl.LayersModel, x: tf.Tensor): tf.Tensor {
  if (model.getClassName() !== 'Sequential') {
    return model.apply(x, { training: true }) as tf.Tensor;
  }
  const backend = tf.getBackend();
  const ownConv = hasConvTrain(backend);
  const ownBatchNorm = hasBatchNormTrain(backend);
  let out = x;
  for (const layer of model.layers) {
    const plan = planOf(layer, model);
    if (plan && 'conv' in plan && ownConv) {
      const [kernel, bias] = layer.weights;
      out = conv2dTrain(out, kernel.read(), bias ? bias.read() : null, plan.conv);
    } else if (plan && 'batchNorm' in plan) {
      out = batchNormForward(out, plan.batchNorm, ownBatchNorm);
    } else {
      out = layer.apply(out, { training: true }) as tf.Tensor;
    }
  }
  return out;
}
