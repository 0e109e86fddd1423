// One optimizer step for one variable as ONE kernel (wasm and cpu): the new value and the new
// optimizer state from the value, its gradient and the old state, float32 operation for operation
// as the optimizers Letter Lab compiles compute them with 2 to 12 kernel calls each: tfjs's
// SGDOptimizer, and Adam and RMSprop as Keras 2.1.4 updates (core/model/keras-optimizers). The
// outputs are new tensors, as the optimizers' are: weights are never changed in place (XNNPACK
// keeps packed copies of the tensors it has seen, by tensor).
//   sgd      w' = -lr g + w
//   adam     lrT = sqrt(1 - beta2^t) lr / (1 - beta1^t) (acc1, acc2 = beta1^t, beta2^t);
//            m' = m b1 + g (1 - b1); v' = v b2 + g^2 (1 - b2); w' = w - m' lrT / (sqrt(v') + eps)
//   rmsprop  ms' = ms decay + g^2 (1 - decay); mom' = mom momentum + g lr / (sqrt(ms') + eps);
//            w' = w - mom'
// A batch split between threads hands in every shard's gradient; they are added in shard order.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type {
  KernelBackend,
  KernelConfig,
  KernelFunc,
  Tensor,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { engine, getKernel, util } from '@tensorflow/tfjs-core';
import { cpuF32, cpuOutput, wasmF32 } from './heap';
import { heapPointer, simdKernels } from '../simd/module';

export const OPTIMIZER_UPDATE = 'LetterLabOptimizerUpdate';

export type OptimizerUpdateAttrs =
  | { kind: 'sgd'; learningRate: number }
  | {
      kind: 'adam';
      learningRate: number;
      beta1: number;
      beta2: number;
      epsilon: number;
      /** beta1 and beta2 to the power of the steps before this one (the optimizer's accBeta). */
      accBeta1: number;
      accBeta2: number;
    }
  | { kind: 'rmsprop'; learningRate: number; decay: number; momentum: number; epsilon: number };

/** The state arrays each kind keeps per variable. */
export const STATE_SLOTS: Record<OptimizerUpdateAttrs['kind'], number> = {
  sgd: 0,
  adam: 2,
  rmsprop: 2,
};

const f = Math.fround;

/**
 * One step on plain arrays: `out[0]` = the new value, `out[1..]` = the new state (each may be the
 * same array as its input: the update is element by element).
 */
export function updateArrays(
  attrs: OptimizerUpdateAttrs,
  w: Float32Array,
  g: Float32Array,
  state: Float32Array[],
  out: Float32Array[],
): void {
  const n = w.length;
  if (attrs.kind === 'sgd') {
    const c = f(-attrs.learningRate);
    const [wOut] = out;
    for (let k = 0; k < n; k++) wOut[k] = f(f(c * g[k]) + w[k]);
  } else if (attrs.kind === 'adam') {
    const [b1, b2, eps] = [f(attrs.beta1), f(attrs.beta2), f(attrs.epsilon)];
    const [c1, c2] = [f(1 - attrs.beta1), f(1 - attrs.beta2)];
    const lrT = adamRate(attrs);
    const [m, v] = state;
    const [wOut, mOut, vOut] = out;
    for (let k = 0; k < n; k++) {
      const gk = g[k];
      const mk = f(f(m[k] * b1) + f(gk * c1));
      const vk = f(f(v[k] * b2) + f(f(gk * gk) * c2));
      mOut[k] = mk;
      vOut[k] = vk;
      wOut[k] = f(w[k] - f(f(mk * lrT) / f(f(Math.sqrt(vk)) + eps)));
    }
  } else {
    const [decay, oneMinusDecay] = [f(attrs.decay), f(1 - attrs.decay)];
    const [momentum, eps, lr] = [f(attrs.momentum), f(attrs.epsilon), f(attrs.learningRate)];
    const [ms, mom] = state;
    const [wOut, msOut, momOut] = out;
    for (let k = 0; k < n; k++) {
      const gk = g[k];
      const sk = f(f(ms[k] * decay) + f(f(gk * gk) * oneMinusDecay));
      const mk = f(f(mom[k] * momentum) + f(f(gk * lr) / f(f(Math.sqrt(sk)) + eps)));
      msOut[k] = sk;
      momOut[k] = mk;
      wOut[k] = f(w[k] - mk);
    }
  }
}

/** Keras's bias-corrected rate of an Adam step: sqrt(1 - acc2) * lr / (1 - acc1), in float32. */
function adamRate(attrs: Extract<OptimizerUpdateAttrs, { kind: 'adam' }>): number {
  return f(f(f(Math.sqrt(f(1 - attrs.accBeta2))) * f(attrs.learningRate)) / f(1 - attrs.accBeta1));
}

/** Adam with our SIMD kernel (same operations as updateArrays). */
function adamSimd(
  backend: BackendWasm,
  attrs: Extract<OptimizerUpdateAttrs, { kind: 'adam' }>,
  inputs: TensorInfo[],
  outputs: TensorInfo[],
): boolean {
  const simd = simdKernels(backend);
  if (!simd) return false;
  const [w, g, m, v] = inputs.map((t) => heapPointer(backend, t));
  const [wOut, mOut, vOut] = outputs.map((t) => heapPointer(backend, t));
  simd.adamUpdate(
    w,
    g,
    m,
    v,
    wOut,
    mOut,
    vOut,
    util.sizeFromShape(inputs[0].shape),
    attrs.beta1,
    1 - attrs.beta1,
    attrs.beta2,
    1 - attrs.beta2,
    adamRate(attrs),
    attrs.epsilon,
  );
  return true;
}

/** The gradient inputs of an update, in shard order (see optimizerUpdate). */
function gradientsOf(inputs: Record<string, TensorInfo>): TensorInfo[] {
  const out: TensorInfo[] = [];
  for (let i = 0; inputs[`g${i}`]; i++) out.push(inputs[`g${i}`]);
  return out;
}

/** a + b, ... for several arrays, added left to right in float32. */
function sumInto(parts: Float32Array[], out: Float32Array): void {
  out.set(parts[0]);
  for (const p of parts.slice(1)) for (let k = 0; k < out.length; k++) out[k] += p[k];
}

function updateWasm(
  backend: BackendWasm,
  attrs: OptimizerUpdateAttrs,
  value: TensorInfo,
  gradients: TensorInfo[],
  state: TensorInfo[],
): TensorInfo[] {
  const shape = value.shape;
  const outputs = [value, ...state].map(() => backend.makeOutput(shape, 'float32'));
  // The shards' gradients added up (in shard order) into a scratch tensor.
  const sum = gradients.length > 1 ? backend.makeOutput(shape, 'float32') : null;
  try {
    const simd = simdKernels(backend);
    if (sum) {
      const n = util.sizeFromShape(shape);
      if (simd) {
        const [first, ...rest] = gradients.map((g) => heapPointer(backend, g));
        const to = heapPointer(backend, sum);
        simd.addArrays(first, rest[0], to, n);
        for (const g of rest.slice(1)) simd.addArrays(to, g, to, n);
      } else {
        sumInto(
          gradients.map((g) => wasmF32(backend, g)),
          wasmF32(backend, sum),
        );
      }
    }
    const inputs = [value, sum ?? gradients[0], ...state];
    if (attrs.kind === 'adam' && adamSimd(backend, attrs, inputs, outputs)) return outputs;
    const [w, g, ...s] = inputs.map((t) => wasmF32(backend, t));
    updateArrays(
      attrs,
      w,
      g,
      s,
      outputs.map((t) => wasmF32(backend, t)),
    );
    return outputs;
  } finally {
    if (sum) backend.disposeData(sum.dataId);
  }
}

function updateKernel(backendName: string): KernelFunc {
  return (args) => {
    const attrs = args.attrs as unknown as OptimizerUpdateAttrs;
    const inputs = args.inputs as Record<string, TensorInfo>;
    const state = [inputs.s0, inputs.s1].slice(0, STATE_SLOTS[attrs.kind]);
    const gradients = gradientsOf(inputs);
    if (backendName === 'wasm') {
      return updateWasm(args.backend as BackendWasm, attrs, inputs.value, gradients, state);
    }
    const backend = args.backend as KernelBackend;
    const [w, ...s] = [inputs.value, ...state].map((t) => cpuF32(backend, t));
    const g = new Float32Array(w.length);
    sumInto(
      gradients.map((t) => cpuF32(backend, t)),
      g,
    );
    const out = [w, ...s].map(() => new Float32Array(w.length));
    updateArrays(attrs, w, g, s, out);
    return out.map((values) => cpuOutput(backend, inputs.value.shape, values));
  };
}

export const optimizerUpdateConfigs: readonly KernelConfig[] = ['wasm', 'cpu'].map((b) => ({
  kernelName: OPTIMIZER_UPDATE,
  backendName: b,
  kernelFunc: updateKernel(b),
}));

/**
 * [new value, ...new state] of one variable (not recorded for gradients). Its gradient is the sum
 * of `gradients`, added in order (the shards of a batch split between threads; usually one).
 */
export function optimizerUpdate(
  attrs: OptimizerUpdateAttrs,
  value: Tensor,
  gradients: Tensor[],
  state: Tensor[],
): Tensor[] {
  const inputs: Record<string, Tensor> = { value };
  gradients.forEach((g, i) => (inputs[`g${i}`] = g));
  state.forEach((s, i) => (inputs[`s${i}`] = s));
  const out = engine().runKernel(OPTIMIZER_UPDATE, inputs, attrs);
  return Array.isArray(out) ? out : [out];
}

export function hasOptimizerUpdate(backendName: string): boolean {
  return getKernel(OPTIMIZER_UPDATE, backendName) != null;
}
