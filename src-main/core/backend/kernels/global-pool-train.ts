// GlobalMaxPool2D and GlobalAveragePool2D while training, as ONE op with its own gradient (wasm
// and cpu, on plain arrays), over the rows and columns of an NHWC tensor: y [N, C].
//
// tfjs-layers computes them with Max / Mean and their gradients (Equal, Cast, a broadcast
// multiply, ...). Here the backward pass is one loop, and the maximum's gradient follows Keras
// 2.1.4's TensorFlow (tf.reduce_max): dy goes to the maximum, divided equally between the
// positions that tie for it (tfjs gives every tying position the whole dy).
//   max      y[n, c] = max over h, w of x[n, h, w, c]; dx = dy / (ties) where x = y, else 0
//   average  y[n, c] = mean over h, w;                 dx = dy / (H W) everywhere

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

export const GLOBAL_POOL_TRAIN = 'LetterLabGlobalPoolTrain';
export const GLOBAL_POOL_TRAIN_GRAD = 'LetterLabGlobalPoolTrainGrad';

export interface GlobalPoolAttrs {
  kind: 'max' | 'avg';
}

/** y (overwritten, [N, C]) = the max or mean of x ([N, P, C], P = H * W) over P. */
export function globalPoolInto(
  x: Float32Array,
  images: number,
  channels: number,
  kind: GlobalPoolAttrs['kind'],
  y: Float32Array,
): void {
  const pixels = x.length / (images * channels);
  for (let n = 0; n < images; n++) {
    const out = n * channels;
    const first = n * pixels * channels;
    if (kind === 'max') {
      for (let c = 0; c < channels; c++) {
        let best = x[first + c];
        for (let p = 1; p < pixels; p++) {
          const v = x[first + p * channels + c];
          // NaN wins, as in TensorFlow's reduce_max
          if (v > best || v !== v) best = v;
          if (best !== best) break;
        }
        y[out + c] = best;
      }
    } else {
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let p = 0; p < pixels; p++) sum += x[first + p * channels + c];
        y[out + c] = sum / pixels;
      }
    }
  }
}

/** dx (overwritten, like x) = the gradient of globalPoolInto given dy and its output y. */
export function globalPoolGradInto(
  dy: Float32Array,
  x: Float32Array,
  y: Float32Array,
  images: number,
  channels: number,
  kind: GlobalPoolAttrs['kind'],
  dx: Float32Array,
): void {
  const pixels = x.length / (images * channels);
  for (let n = 0; n < images; n++) {
    const out = n * channels;
    const first = n * pixels * channels;
    for (let c = 0; c < channels; c++) {
      const g = dy[out + c];
      if (kind === 'avg') {
        for (let p = 0; p < pixels; p++) dx[first + p * channels + c] = g / pixels;
        continue;
      }
      const best = y[out + c];
      let ties = 0;
      for (let p = 0; p < pixels; p++) if (x[first + p * channels + c] === best) ties++;
      for (let p = 0; p < pixels; p++) {
        const at = first + p * channels + c;
        dx[at] = x[at] === best ? g / ties : 0;
      }
    }
  }
}

function arrays(backendName: string, backend: KernelBackend) {
  const wasm = backend as unknown as BackendWasm;
  return {
    read: (t: TensorInfo) => (backendName === 'wasm' ? wasmF32(wasm, t) : cpuF32(backend, t)),
    output: (shape: number[]): [TensorInfo, () => Float32Array] => {
      if (backendName === 'wasm') {
        const info = wasm.makeOutput(shape, 'float32');
        return [info, () => wasmF32(wasm, info)];
      }
      const values = new Float32Array(util.sizeFromShape(shape));
      return [cpuOutput(backend, shape, values), () => values];
    },
  };
}

function forwardKernel(backendName: string): KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const { kind } = args.attrs as unknown as GlobalPoolAttrs;
    const [images, , , channels] = x.shape;
    const a = arrays(backendName, args.backend as KernelBackend);
    const [info, values] = a.output([images, channels]);
    globalPoolInto(a.read(x), images, channels, kind, values());
    return info;
  };
}

function gradKernel(backendName: string): KernelFunc {
  return (args) => {
    const { dy, x, y } = args.inputs as { dy: TensorInfo; x: TensorInfo; y: TensorInfo };
    const { kind } = args.attrs as unknown as GlobalPoolAttrs;
    const [images, , , channels] = x.shape;
    const a = arrays(backendName, args.backend as KernelBackend);
    const [info, values] = a.output(x.shape);
    globalPoolGradInto(a.read(dy), a.read(x), a.read(y), images, channels, kind, values());
    return info;
  };
}

export const globalPoolTrainConfigs: readonly KernelConfig[] = ['wasm', 'cpu'].flatMap((b) => [
  { kernelName: GLOBAL_POOL_TRAIN, backendName: b, kernelFunc: forwardKernel(b) },
  { kernelName: GLOBAL_POOL_TRAIN_GRAD, backendName: b, kernelFunc: gradKernel(b) },
]);

export const globalPoolTrainGradConfig: GradConfig = {
  kernelName: GLOBAL_POOL_TRAIN,
  inputsToSave: ['x'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, y] = saved;
    return {
      x: () =>
        engine().runKernel<Tensor>(GLOBAL_POOL_TRAIN_GRAD, { dy: dy as Tensor, x, y }, attrs),
    };
  },
};

/** The max or mean of x [N, H, W, C] over H and W, recorded for gradients as one op: [N, C]. */
export function globalPoolTrain(x: Tensor, attrs: GlobalPoolAttrs): Tensor {
  return engine().runKernel<Tensor>(GLOBAL_POOL_TRAIN, { x }, attrs as unknown as NamedAttrMap);
}

export function hasGlobalPoolTrain(backendName: string): boolean {
  return getKernel(GLOBAL_POOL_TRAIN, backendName) != null;
}
