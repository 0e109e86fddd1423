// About how much memory training one batch of a network takes, worked out from the spec alone
// (no TensorFlow), so a network that cannot fit is refused before anything is allocated. The
// count is deliberately generous: every layer's output is kept for the backward pass and gets a
// gradient of the same size, a convolution unrolls its input patches (im2col) for the forward
// and the backward pass, and the weights have a gradient and the optimizer's moments beside them.

import type { ModelSpec } from '../../contract/spec';
import { traceShapes } from './shapes';

const FLOAT_BYTES = 4;
/** What the training process holds before any network: Node, TensorFlow.js and its kernels. */
export const RUNTIME_BYTES = 250 * 2 ** 20;
/** Copies of the weights an optimizer keeps besides the weights and their gradients. */
const OPTIMIZER_COPIES: Record<ModelSpec['compile']['optimizer'], number> = {
  sgd: 0,
  rmsprop: 1,
  adam: 2,
};
/** Per letter: a layer's output, its gradient, and one temporary of the same size. */
const ACTIVATION_COPIES = 3;
/** The unrolled patches of a convolution: forward and backward. */
const PATCH_COPIES = 2;

function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export interface MemoryEstimate {
  /** Bytes the training process needs for one training step of a batch. */
  bytes: number;
  /** Of which: weights, gradients and optimizer state. */
  weightBytes: number;
  /** Of which: what one batch of letters takes through the network. */
  batchBytes: number;
}

/** About how many bytes training `spec` with its batch size takes (see the file comment). */
export function trainingMemory(spec: ModelSpec): MemoryEstimate {
  const trace = traceShapes(spec);
  const params = trace.layers.reduce((total, layer) => total + layer.params, 0);
  let activations = trace.input ? product(trace.input) : 0;
  let patches = 0;
  trace.layers.forEach((layer, i) => {
    if (layer.output) activations += product(layer.output);
    const spec_ = spec.layers[i];
    if (spec_?.type === 'conv2d' && layer.input?.length === 3 && layer.output?.length === 3) {
      const [outH, outW] = layer.output;
      const unrolled = outH * outW * spec_.kernelSize * spec_.kernelSize * layer.input[2];
      patches = Math.max(patches, unrolled);
    }
  });
  const weightBytes = (2 + OPTIMIZER_COPIES[spec.compile.optimizer]) * params * FLOAT_BYTES;
  const perLetter = ACTIVATION_COPIES * activations + PATCH_COPIES * patches;
  const batchBytes = spec.compile.batchSize * perLetter * FLOAT_BYTES;
  return { bytes: RUNTIME_BYTES + weightBytes + batchBytes, weightBytes, batchBytes };
}
