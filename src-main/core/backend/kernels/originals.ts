// The wasm backend's own kernels, captured before we register replacements, so a replacement can
// delegate to the original (e.g. our BatchMatMul falls back to tfjs's for batched products).

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import { getKernel, util } from '@tensorflow/tfjs-core';

const captured = new Map<string, KernelFunc>();

/** Remembers tfjs-backend-wasm's kernel `name`; call once, before replacing it. */
export function captureOriginal(name: string): void {
  if (captured.has(name)) return;
  const config = getKernel(name, 'wasm');
  util.assert(config != null, () => `tfjs-backend-wasm has no '${name}' kernel to wrap`);
  captured.set(name, config.kernelFunc);
}

/** tfjs-backend-wasm's own kernel `name` (captured, or the registered one if never replaced). */
export function originalKernel(name: string): KernelFunc {
  const own = captured.get(name);
  if (own) return own;
  const config = getKernel(name, 'wasm');
  util.assert(config != null, () => `the wasm kernel '${name}' is not registered`);
  return config.kernelFunc;
}

/** Explicit NHWC padding of a convolution: rows above/below, columns left/right. */
export interface ConvPadding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * tfjs-backend-wasm's own (XNNPACK) Conv2D at stride 1 with explicit padding and dilations: both
 * convolution gradients are computed as such a convolution.
 */
export function stridelessConv2D(
  backend: BackendWasm,
  x: TensorInfo,
  filter: TensorInfo,
  pad: ConvPadding,
  dilations: [number, number],
): TensorInfo {
  return originalKernel('Conv2D')({
    inputs: { x, filter },
    backend,
    attrs: {
      strides: 1,
      pad: [
        [0, 0],
        [pad.top, pad.bottom],
        [pad.left, pad.right],
        [0, 0],
      ],
      dataFormat: 'NHWC',
      dilations,
      dimRoundingMode: undefined,
    } as unknown as NamedAttrMap,
  }) as TensorInfo;
}
