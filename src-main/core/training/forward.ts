// The forward pass and loss of a training step, for a Sequential model layer by layer:
//   BatchNormalization  over the last axis, as Keras 2.1.4 trains it (core/backend/kernels/
//                       batch-norm-train: the whole batch's statistics, also when the batch is
//                       split between threads; the moving variance moved towards the sample-size
//                       corrected variance; both moving averages zero-debiased): one op where
//                       our kernel is registered, tfjs ops elsewhere (native TensorFlow).
// Where our kernels are registered (wasm and cpu) also, each as one recorded op with a fused
// backward pass:
//   Conv2D              relu or linear (kernels/conv-train)
//   Dense               relu, tanh or linear, on rows (kernels/dense-train)
//   GlobalMaxPooling2D, GlobalAveragePooling2D (kernels/global-pool-train: the maximum's
//                       gradient shared between ties, as TensorFlow's)
//   the output          Dense with softmax, and the categorical cross-entropy the model was
//                       compiled with, as Keras computes it (kernels/softmax-cross-entropy)
// A relu Conv2D right before a BatchNormalization (both ours) shares the relu's gradient with it:
// the batch norm's backward pass multiplies its input gradient by the relu's mask in its last pass
// over the activation, and the convolution's backward pass only sums that for the bias.
// Every other layer runs as tfjs-layers runs it; other models use model.apply and the compiled
// loss unchanged.

import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {
  batchNormTrain,
  hasBatchNormTrain,
  kerasMovingVariance,
} from '../backend/kernels/batch-norm-train';
import { conv2dTrain, hasConvTrain, type ConvTrainAttrs } from '../backend/kernels/conv-train';
import { denseTrain, hasDenseTrain, type DenseTrainAttrs } from '../backend/kernels/dense-train';
import {
  globalPoolTrain,
  hasGlobalPoolTrain,
  type GlobalPoolAttrs,
} from '../backend/kernels/global-pool-train';
import {
  hasSoftmaxCrossEntropy,
  softmaxCrossEntropy,
} from '../backend/kernels/softmax-cross-entropy';

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

/** A Dense layer on rows: its activation ('softmax' only as the output layer) and weights. */
interface DensePlan {
  activation: DenseTrainAttrs['activation'] | 'softmax';
  kernel: LayerVariable;
  bias: LayerVariable | null;
}

type Plan =
  | { conv: ConvTrainAttrs }
  | { batchNorm: BatchNormPlan }
  | { dense: DensePlan }
  | { globalPool: GlobalPoolAttrs }
  | null;

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

function densePlan(layer: Layer): DensePlan | null {
  const c = layer.getConfig() as { activation: string; useBias: boolean };
  const rows = (layer.input as tfl.SymbolicTensor).shape.length === 2;
  const activations = ['relu', 'tanh', 'linear', 'softmax'];
  if (!rows || !activations.includes(c.activation) || layer.weights.length !== (c.useBias ? 2 : 1))
    return null;
  const [kernel, bias] = layer.weights;
  return { activation: c.activation as DensePlan['activation'], kernel, bias: bias ?? null };
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
  } else if (kind === 'Dense') {
    const dense = densePlan(layer);
    plan = dense ? { dense } : null;
  } else if (kind === 'GlobalMaxPooling2D' || kind === 'GlobalAveragePooling2D') {
    const { dataFormat } = layer.getConfig() as { dataFormat?: string };
    const channelsLast = (dataFormat ?? 'channelsLast') === 'channelsLast';
    const pool: GlobalPoolAttrs = { kind: kind === 'GlobalMaxPooling2D' ? 'max' : 'avg' };
    plan = channelsLast ? { globalPool: pool } : null;
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

function batchNormForward(
  x: tf.Tensor,
  plan: BatchNormPlan,
  ownKernel: boolean,
  reluInput: boolean,
): tf.Tensor {
  const [y, mean, , movingVariance] = ownKernel
    ? batchNormTrain(x, plan.gamma.read(), plan.beta.read(), { epsilon: plan.epsilon, reluInput })
    : batchNormWithOps(x, plan);
  plan.updates++;
  moveTowards(plan.movingMean, mean, plan.momentum, plan.updates);
  moveTowards(plan.movingVariance, movingVariance, plan.momentum, plan.updates);
  return y;
}

/** Which of our ops the active backend has. */
interface OwnOps {
  conv: boolean;
  dense: boolean;
  batchNorm: boolean;
  globalPool: boolean;
}

function ownOps(): OwnOps {
  const backend = tf.getBackend();
  return {
    conv: hasConvTrain(backend),
    dense: hasDenseTrain(backend),
    batchNorm: hasBatchNormTrain(backend),
    globalPool: hasGlobalPoolTrain(backend),
  };
}

/**
 * Whether `layer` is a relu Conv2D whose output only feeds the batch normalisation after it, and
 * both run as our ops: then the batch norm's backward pass applies the relu's mask in its last
 * pass over the activation, and the convolution's skips that pass (one pass over its output fewer).
 */
function reluIntoBatchNorm(
  layer: Layer,
  next: Layer | undefined,
  own: OwnOps,
  model: tfl.LayersModel,
) {
  if (!next || !own.conv || !own.batchNorm) return false;
  const plan = planOf(layer, model);
  const nextPlan = planOf(next, model);
  return (
    plan !== null &&
    'conv' in plan &&
    plan.conv.activation === 'relu' &&
    nextPlan !== null &&
    'batchNorm' in nextPlan
  );
}

/**
 * One layer of `model` in training mode; `fusedRelu`: a relu conv and the batch norm after it
 * share the relu's gradient (reluIntoBatchNorm), true for both.
 */
function layerForward(
  layer: Layer,
  x: tf.Tensor,
  own: OwnOps,
  model: tfl.LayersModel,
  fusedRelu: boolean,
): tf.Tensor {
  const plan = planOf(layer, model);
  if (plan && 'conv' in plan && own.conv) {
    const [kernel, bias] = layer.weights;
    const attrs = fusedRelu ? { ...plan.conv, gradMasked: true } : plan.conv;
    return conv2dTrain(x, kernel.read(), bias ? bias.read() : null, attrs);
  }
  if (plan && 'dense' in plan && own.dense && plan.dense.activation !== 'softmax') {
    const { kernel, bias, activation } = plan.dense;
    return denseTrain(x, kernel.read(), bias?.read() ?? null, { activation });
  }
  if (plan && 'batchNorm' in plan) {
    return batchNormForward(x, plan.batchNorm, own.batchNorm, fusedRelu);
  }
  if (plan && 'globalPool' in plan && own.globalPool) return globalPoolTrain(x, plan.globalPool);
  return layer.apply(x, { training: true }) as tf.Tensor;
}

/** `layers` (of a Sequential `model`) one after another in training mode, from input x. */
function layersForward(layers: Layer[], x: tf.Tensor, model: tfl.LayersModel): tf.Tensor {
  const own = ownOps();
  let out = x;
  let fused = false; // this layer is the batch norm of a fused pair
  layers.forEach((layer, i) => {
    const fusesNext = reluIntoBatchNorm(layer, layers[i + 1], own, model);
    out = layerForward(layer, out, own, model, fused || fusesNext);
    fused = fusesNext;
  });
  return out;
}

/** The model's output for `x` in training mode (dropout and batch norm train). */
export function trainingForward(model: tfl.LayersModel, x: tf.Tensor): tf.Tensor {
  if (model.getClassName() !== 'Sequential') {
    return model.apply(x, { training: true }) as tf.Tensor;
  }
  return layersForward(model.layers, x, model);
}

type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

/** The compiled loss (categorical cross-entropy for every model Letter Lab builds). */
function lossOf(model: tfl.LayersModel): LossFn {
  const compiled = (model as unknown as { lossFunctions?: LossFn[] }).lossFunctions;
  return compiled?.length === 1 ? compiled[0] : tfl.metrics.categoricalCrossentropy;
}

/** The output layer, when it is a Dense softmax whose loss our fused op computes. */
function fusedOutput(model: tfl.LayersModel): DensePlan | null {
  if (model.getClassName() !== 'Sequential') return null;
  const loss = model.loss;
  if (loss !== 'categoricalCrossentropy' && loss !== 'categorical_crossentropy') return null;
  if (!hasSoftmaxCrossEntropy(tf.getBackend()) || !hasDenseTrain(tf.getBackend())) return null;
  const last = model.layers.at(-1);
  const plan = last ? planOf(last, model) : null;
  return plan && 'dense' in plan && plan.dense.activation === 'softmax' ? plan.dense : null;
}

/**
 * The training loss of `model` on images `x` with targets `y`: `scale` times the compiled loss
 * averaged over the rows, and the model's output (training mode). Regularisation is the caller's.
 */
export function trainingLoss(
  model: tfl.LayersModel,
  x: tf.Tensor,
  y: tf.Tensor,
  scale: number,
): { loss: tf.Scalar; output: tf.Tensor } {
  const output = fusedOutput(model);
  if (!output) {
    const out = trainingForward(model, x);
    return { loss: tf.mul<tf.Scalar>(tf.mean(lossOf(model)(y, out)), scale), output: out };
  }
  const h = layersForward(model.layers.slice(0, -1), x, model);
  const logits = denseTrain(h, output.kernel.read(), output.bias?.read() ?? null, {
    activation: 'linear',
  });
  const targets = y.dtype === 'float32' ? y : tf.cast(y, 'float32');
  const [loss, probs] = softmaxCrossEntropy(logits, targets, {
    epsilon: tf.backend().epsilon(),
    scale,
  });
  return { loss: loss as tf.Scalar, output: probs };
}
