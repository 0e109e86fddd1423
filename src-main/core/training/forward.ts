// The forward pass of a training step. For a Sequential model every Conv2D with relu or linear
// activation runs as one recorded op (core/backend/kernels/conv-train: fused conv + bias + relu,
// with a fused backward pass), and every BatchNormalization over the last axis as another
// (kernels/batch-norm-train), updating its moving averages exactly as tfjs-layers does; every
// other layer runs as tfjs-layers runs it. Other models, and backends without our kernels
// (native TensorFlow), use model.apply unchanged.

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { batchNormTrain, hasBatchNormTrain } from '../backend/kernels/batch-norm-train';
import { conv2dTrain, hasConvTrain, type ConvTrainAttrs } from '../backend/kernels/conv-train';

type Layer = tfl.LayersModel['layers'][number];
type LayerVariable = Layer['weights'][number];

interface BatchNormPlan {
  epsilon: number;
  momentum: number;
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
  return { epsilon: c.epsilon, momentum: c.momentum, gamma, beta, movingMean, movingVariance };
}

function planOf(layer: Layer): Plan {
  if (plans.has(layer)) return plans.get(layer) ?? null;
  let plan: Plan = null;
  const kind = layer.getClassName();
  if (kind === 'Conv2D') {
    const conv = convPlan(layer);
    plan = conv ? { conv } : null;
  } else if (kind === 'BatchNormalization') {
    const batchNorm = batchNormPlan(layer);
    plan = batchNorm ? { batchNorm } : null;
  }
  plans.set(layer, plan);
  return plan;
}

/** tfjs-layers' update of a moving average: v - (v - value) * (1 - momentum). */
function moveTowards(variable: LayerVariable, value: tf.Tensor, momentum: number): void {
  tf.tidy(() => {
    const current = variable.read();
    variable.write(tf.sub(current, tf.mul(tf.sub(current, value), 1 - momentum)));
  });
}

function batchNormForward(x: tf.Tensor, plan: BatchNormPlan): tf.Tensor {
  const [y, mean, variance] = batchNormTrain(x, plan.gamma.read(), plan.beta.read(), plan.epsilon);
  moveTowards(plan.movingMean, mean, plan.momentum);
  moveTowards(plan.movingVariance, variance, plan.momentum);
  return y;
}

/** The model's output for `x` in training mode (dropout and batch norm train). */
export function trainingForward(model: tfl.LayersModel, x: tf.Tensor): tf.Tensor {
  const backend = tf.getBackend();
  if (
    model.getClassName() !== 'Sequential' ||
    !hasConvTrain(backend) ||
    !hasBatchNormTrain(backend)
  ) {
    return model.apply(x, { training: true }) as tf.Tensor;
  }
  let out = x;
  for (const layer of model.layers) {
    const plan = planOf(layer);
    if (plan && 'conv' in plan) {
      const [kernel, bias] = layer.weights;
      out = conv2dTrain(out, kernel.read(), bias ? bias.read() : null, plan.conv);
    } else if (plan && 'batchNorm' in plan) {
      out = batchNormForward(out, plan.batchNorm);
    } else {
      out = layer.apply(out, { training: true }) as tf.Tensor;
    }
  }
  return out;
}
