// The softmax output layer and Keras's categorical cross-entropy while training, as ONE op with
// its own gradient (wasm and cpu, on plain arrays: one row of a few classes per image).
//
// tfjs-layers computes softmax, then the loss as Keras 2.1.4 defines it (the probabilities
// divided by their sum, clipped to [epsilon, 1 - epsilon], -sum(targets * log)), then the mean
// over the batch: about ten ops forward and twenty backward, each a kernel call. Here:
//   forward   probs = softmax(logits) per row; loss = scale * mean over rows of
//             -sum_k targets_k * log(clip(q_k)), q = probs / sum(probs);
//   backward  exactly that function's derivative, row by row: the clip passes the gradient only
//             where epsilon <= q_k <= 1 - epsilon (inclusive, as tfjs's and TensorFlow's clip
//             gradients do); then through the division by the sum and through the softmax.
// Outputs [loss, probs]; probs are the model's output (for accuracy), and a gradient reaching them
// is passed through the softmax too.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type {
  GradConfig,
  KernelBackend,
  KernelConfig,
  KernelFunc,
  NamedAttrMap,
  Tensor,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { engine, getKernel, util } from '@tensorflow/tfjs-core';
import { cpuF32, cpuOutput, wasmF32 } from './heap';

export const SOFTMAX_CROSS_ENTROPY = 'LetterLabSoftmaxCrossEntropy';
export const SOFTMAX_CROSS_ENTROPY_GRAD = 'LetterLabSoftmaxCrossEntropyGrad';

export interface SoftmaxCrossEntropyAttrs {
  /** Keras's fuzz factor (1e-7): the clip bounds. */
  epsilon: number;
  /** The loss is scale times the mean over the rows. */
  scale: number;
}

const f = Math.fround;

/** probs (overwritten) = softmax of each row of `logits`; returns the sum of the rows' losses. */
export function softmaxCrossEntropyInto(
  logits: Float32Array,
  targets: Float32Array,
  classes: number,
  epsilon: number,
  probs: Float32Array,
): number {
  const [lo, hi] = [f(epsilon), f(1 - epsilon)];
  let total = 0;
  for (let row = 0; row < logits.length; row += classes) {
    let max = -Infinity;
    for (let k = 0; k < classes; k++) max = Math.max(max, logits[row + k]);
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += Math.exp(logits[row + k] - max);
    let probSum = 0;
    for (let k = 0; k < classes; k++) {
      probs[row + k] = Math.exp(logits[row + k] - max) / sum;
      probSum += probs[row + k];
    }
    for (let k = 0; k < classes; k++) {
      const t = targets[row + k];
      if (t === 0) continue;
      const q = f(probs[row + k] / probSum);
      total -= t * Math.log(Math.min(hi, Math.max(lo, q)));
    }
  }
  return total;
}

/**
 * The gradients of softmaxCrossEntropyInto's loss times `factor` (and of the probabilities,
 * `dProbs`, when given) with respect to the logits and the targets (overwritten).
 */
export function softmaxCrossEntropyGradInto(
  probs: Float32Array,
  targets: Float32Array,
  classes: number,
  epsilon: number,
  factor: number,
  dProbs: Float32Array | null,
  dLogits: Float32Array,
  dTargets: Float32Array,
): void {
  const [lo, hi] = [f(epsilon), f(1 - epsilon)];
  const dp = new Float64Array(classes);
  for (let row = 0; row < probs.length; row += classes) {
    let probSum = 0;
    for (let k = 0; k < classes; k++) probSum += probs[row + k];
    // d/dq of -sum t log(clip(q)), and its part along q (the division's gradient)
    let along = 0;
    for (let k = 0; k < classes; k++) {
      const q = f(probs[row + k] / probSum);
      const t = targets[row + k];
      const inside = q >= lo && q <= hi;
      const dq = inside && t !== 0 ? (-factor * t) / q : 0;
      dp[k] = dq;
      along += dq * q;
      dTargets[row + k] = -factor * Math.log(Math.min(hi, Math.max(lo, q)));
    }
    // d/dp, plus what reaches the probabilities directly
    let weighted = 0;
    for (let k = 0; k < classes; k++) {
      dp[k] = (dp[k] - along) / probSum + (dProbs ? dProbs[row + k] : 0);
      weighted += dp[k] * probs[row + k];
    }
    // through the softmax: dz_j = p_j (dp_j - sum_i dp_i p_i)
    for (let k = 0; k < classes; k++) dLogits[row + k] = probs[row + k] * (dp[k] - weighted);
  }
}

interface Arrays {
  read(t: TensorInfo): Float32Array;
  /** Outputs of `shapes`; their values are written after all are made (wasm's heap may move). */
  outputs(shapes: number[][]): { infos: TensorInfo[]; values: () => Float32Array[] };
}

function arrays(backendName: string, backend: KernelBackend): Arrays {
  if (backendName === 'wasm') {
    const wasm = backend as unknown as BackendWasm;
    return {
      read: (t) => wasmF32(wasm, t),
      outputs: (shapes) => {
        const infos = shapes.map((s) => wasm.makeOutput(s, 'float32'));
        return { infos, values: () => infos.map((t) => wasmF32(wasm, t)) };
      },
    };
  }
  return {
    read: (t) => cpuF32(backend, t),
    outputs: (shapes) => {
      const values = shapes.map((s) => new Float32Array(util.sizeFromShape(s)));
      const infos = shapes.map((s, i) => cpuOutput(backend, s, values[i]));
      return { infos, values: () => values };
    },
  };
}

function forwardKernel(backendName: string): KernelFunc {
  return (args) => {
    const { logits, targets } = args.inputs as { logits: TensorInfo; targets: TensorInfo };
    const { epsilon, scale } = args.attrs as unknown as SoftmaxCrossEntropyAttrs;
    const [rows, classes] = logits.shape;
    const a = arrays(backendName, args.backend as KernelBackend);
    const { infos, values } = a.outputs([[], logits.shape]);
    const [loss, probs] = values();
    const total = softmaxCrossEntropyInto(a.read(logits), a.read(targets), classes, epsilon, probs);
    loss[0] = rows > 0 ? (scale * total) / rows : NaN;
    return infos;
  };
}

function gradKernel(backendName: string): KernelFunc {
  return (args) => {
    const inputs = args.inputs as Record<string, TensorInfo | undefined>;
    const { epsilon, scale } = args.attrs as unknown as SoftmaxCrossEntropyAttrs;
    const probs = inputs.probs as TensorInfo;
    const [rows, classes] = probs.shape;
    const a = arrays(backendName, args.backend as KernelBackend);
    const { infos, values } = a.outputs([probs.shape, probs.shape]);
    const [dLogits, dTargets] = values();
    const dLoss = a.read(inputs.dLoss as TensorInfo)[0];
    softmaxCrossEntropyGradInto(
      a.read(probs),
      a.read(inputs.targets as TensorInfo),
      classes,
      epsilon,
      (dLoss * scale) / rows,
      inputs.dProbs ? a.read(inputs.dProbs) : null,
      dLogits,
      dTargets,
    );
    return infos;
  };
}

export const softmaxCrossEntropyConfigs: readonly KernelConfig[] = ['wasm', 'cpu'].flatMap((b) => [
  { kernelName: SOFTMAX_CROSS_ENTROPY, backendName: b, kernelFunc: forwardKernel(b) },
  { kernelName: SOFTMAX_CROSS_ENTROPY_GRAD, backendName: b, kernelFunc: gradKernel(b) },
]);

export const softmaxCrossEntropyGradConfig: GradConfig = {
  kernelName: SOFTMAX_CROSS_ENTROPY,
  inputsToSave: ['targets'],
  outputsToSave: [false, true],
  gradFunc: (dys, saved, attrs) => {
    const [dLoss, dProbs] = dys as Tensor[];
    const [targets, probs] = saved;
    const [dLogits, dTargets] = engine().runKernel<Tensor[]>(
      SOFTMAX_CROSS_ENTROPY_GRAD,
      { dLoss, dProbs, probs, targets },
      attrs,
    );
    return { logits: () => dLogits, targets: () => dTargets };
  },
};

/**
 * [scale * mean categorical cross-entropy of softmax(logits) against targets, softmax(logits)],
 * recorded for gradients as one op (logits and targets: [rows, classes]).
 */
export function softmaxCrossEntropy(
  logits: Tensor,
  targets: Tensor,
  attrs: SoftmaxCrossEntropyAttrs,
): [Tensor, Tensor] {
  return engine().runKernel<[Tensor, Tensor]>(
    SOFTMAX_CROSS_ENTROPY,
    { logits, targets },
    attrs as unknown as NamedAttrMap,
  );
}

export function hasSoftmaxCrossEntropy(backendName: string): boolean {
  return getKernel(SOFTMAX_CROSS_ENTROPY, backendName) != null;
}
