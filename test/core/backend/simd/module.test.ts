// Letter Lab's SIMD kernels (src-main/core/backend/simd): how the module is built and loaded, and
// that every kernel gives what the JavaScript / XNNPACK path gives on the same wasm backend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { initBackend } from '../../../../src-main/core/backend';
import {
  KERNELS_RELAXED_WASM_BASE64,
  KERNELS_WASM_BASE64,
} from '../../../../src-main/core/backend/simd/kernels-wasm';
import {
  disableSimdKernels,
  kernelsBuild,
  simdKernels,
  useKernelsBuild,
  type KernelsBuild,
} from '../../../../src-main/core/backend/simd/module';
import {
  conv2dTrain,
  type ConvTrainAttrs,
} from '../../../../src-main/core/backend/kernels/conv-train';
import { batchNormTrain } from '../../../../src-main/core/backend/kernels/batch-norm-train';
import { denseTrain } from '../../../../src-main/core/backend/kernels/dense-train';
import { wasmApi } from '../../../../src-main/core/backend/simd/wasm-api';
import { relativeMaxError, seededFloats, size } from '../numeric';

const TOLERANCE = 1e-5;

/** The ids of the sections of a wasm binary, in order (checked walk of the section headers). */
function sectionIds(bytes: Uint8Array): number[] {
  expect(Array.from(bytes.subarray(0, 8))).toEqual([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  const ids: number[] = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++];
    let length = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++];
      length |= (b & 0x7f) << shift;
      shift += 7;
      if ((b & 0x80) === 0) break;
    }
    ids.push(id);
    at += length;
  }
  expect(at).toBe(bytes.length);
  return ids;
}

const BUILDS: KernelsBuild[] = ['relaxed', 'plain'];

/** Whether `bytes` hold f32x4.relaxed_madd: the SIMD prefix 0xfd, then 0x105 in LEB128. */
function hasRelaxedMadd(bytes: Uint8Array): boolean {
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0xfd && bytes[i + 1] === 0x85 && bytes[i + 2] === 0x02) return true;
  }
  return false;
}

describe.each(BUILDS)('the kernels module (%s build)', (build) => {
  const bytes = Buffer.from(
    build === 'relaxed' ? KERNELS_RELAXED_WASM_BASE64 : KERNELS_WASM_BASE64,
    'base64',
  );

  it(build === 'relaxed' ? 'multiplies and adds in one instruction' : 'has no relaxed SIMD', () => {
    expect(hasRelaxedMadd(bytes)).toBe(build === 'relaxed');
  });

  it("imports one memory (the backend's), defines none and has no data to write into it", () => {
    expect(useKernelsBuild(build)).toBe(true); // on Node 20 this turns relaxed SIMD on
    const module = new wasmApi.Module(bytes);
    expect(wasmApi.Module.imports(module)).toEqual([
      { module: 'env', name: 'memory', kind: 'memory' },
    ]);
    expect(
      wasmApi.Module.exports(module)
        .map((e) => e.name)
        .sort(),
    ).toEqual([
      'adamUpdate',
      'addArrays',
      'batchNormGradSums',
      'biasActivationGrad',
      'channelAffine',
      'channelSums',
      'conv2d',
      'convFilterGrad',
      'denseInputGrad',
      'denseWeightGrad',
      'maxPoolGrad2x2',
      'winogradConv2d',
      'winogradFilter',
      'winogradFilterGrad',
    ]);
    const ids = sectionIds(bytes);
    expect(ids).not.toContain(5); // memory section
    expect(ids).not.toContain(11); // data section
    expect(ids).not.toContain(12); // data count section
  });

  it('loads on the wasm backend, one instance per backend', async () => {
    await initBackend('wasm');
    const backend = tf.backend() as BackendWasm;
    try {
      expect(useKernelsBuild(build)).toBe(true);
      const kernels = simdKernels(backend);
      expect(kernels).not.toBeNull();
      expect(simdKernels(backend)).toBe(kernels);
    } finally {
      useKernelsBuild(null);
    }
  });
});

it('runs the relaxed build where the engine has relaxed SIMD, which Node 20 and Electron do', () => {
  useKernelsBuild(null);
  expect(kernelsBuild()).toBe('relaxed');
});

/** Runs `f` on the wasm backend with our SIMD kernels on or off. */
function onWasm<T>(simd: boolean, f: () => T): T {
  disableSimdKernels(!simd);
  try {
    let out!: T;
    tf.tidy(() => {
      out = f();
    });
    return out;
  } finally {
    disableSimdKernels(false);
  }
}

describe.each(BUILDS)('SIMD kernels (%s build) give what the other wasm path gives', (build) => {
  beforeAll(async () => {
    await initBackend('wasm');
    expect(useKernelsBuild(build)).toBe(true);
  });
  afterAll(() => {
    disableSimdKernels(false);
    useKernelsBuild(null);
  });

  /** y, dx, dw, db of conv2dTrain (forward, Conv2DBackpropInput/Filter, bias gradient). */
  function convTrain(xShape: number[], wShape: number[], attrs: ConvTrainAttrs, lo = -1) {
    const x = tf.tensor(seededFloats(size(xShape), 1, lo), xShape);
    const w = tf.tensor(seededFloats(size(wShape), 2), wShape);
    const b = tf.tensor(seededFloats(wShape[3], 3), [wShape[3]]);
    const y = conv2dTrain(x, w, b, attrs);
    const dy = tf.tensor(seededFloats(y.size, 4), y.shape);
    const g = tf.grads((xx, ww, bb) => tf.sum(tf.mul(conv2dTrain(xx, ww, bb, attrs), dy)))([
      x,
      w,
      b,
    ]);
    return [y, ...g].map((t) => t.dataSync() as Float32Array);
  }

  const cases: [number[], number[], ConvTrainAttrs][] = [
    // the presets' layers, small batches
    [[3, 28, 28, 1], [3, 3, 1, 16], { strides: [1, 1], pad: 'valid', activation: 'relu' }],
    [[3, 26, 26, 16], [3, 3, 16, 16], { strides: [1, 1], pad: 'valid', activation: 'relu' }],
    [[3, 10, 10, 32], [3, 3, 32, 32], { strides: [1, 1], pad: 'valid', activation: 'relu' }],
    // padding, strides, odd kernels, output channel blocks of 16 + 4, linear output
    [[2, 9, 11, 4], [3, 3, 4, 20], { strides: [1, 1], pad: 'same', activation: 'relu' }],
    [[2, 12, 9, 8], [5, 5, 8, 8], { strides: [1, 1], pad: 'same', activation: 'linear' }],
    [[2, 13, 12, 4], [3, 2, 4, 16], { strides: [2, 2], pad: 'same', activation: 'relu' }],
    [[2, 13, 12, 3], [4, 4, 3, 12], { strides: [2, 2], pad: 'valid', activation: 'linear' }],
    [[1, 6, 30, 4], [1, 1, 4, 4], { strides: [1, 1], pad: 'valid', activation: 'relu' }],
    // Winograd F(2x2, 3x3) (3x3, stride 1, channels in 4s and 16s): odd output sizes, 'same'
    // padding, more than one block of 16 output channels, input gradients with 32 channels
    [[2, 9, 11, 8], [3, 3, 8, 16], { strides: [1, 1], pad: 'valid', activation: 'relu' }],
    [[2, 7, 9, 4], [3, 3, 4, 32], { strides: [1, 1], pad: 'same', activation: 'linear' }],
    [[2, 4, 4, 32], [3, 3, 32, 128], { strides: [1, 1], pad: 'valid', activation: 'relu' }],
    [[1, 3, 3, 16], [3, 3, 16, 16], { strides: [1, 1], pad: 'valid', activation: 'relu' }],
  ];
  for (const [xShape, wShape, attrs] of cases) {
    it(`conv2dTrain x=[${xShape}] w=[${wShape}] stride ${attrs.strides[0]} ${attrs.pad} ${attrs.activation}`, () => {
      const before = tf.memory().numTensors;
      const ours = onWasm(true, () => convTrain(xShape, wShape, attrs));
      const other = onWasm(false, () => convTrain(xShape, wShape, attrs));
      expect(tf.memory().numTensors).toBe(before);
      ['y', 'dx', 'dw', 'db'].forEach((name, i) => {
        expect({ name, close: relativeMaxError(ours[i], other[i]) < TOLERANCE }).toEqual({
          name,
          close: true,
        });
      });
    });
  }

  for (const xShape of [
    [4, 26, 26, 16],
    [5, 8],
    [2, 3, 3, 4],
  ]) {
    it(`batchNormTrain x=[${xShape}]: outputs and gradients`, () => {
      const c = xShape[xShape.length - 1];
      const run = () => {
        // an offset far from zero checks that the variance does not lose digits to it
        const x = tf.tensor(seededFloats(size(xShape), 41, 9, 11), xShape);
        const gamma = tf.tensor(seededFloats(c, 42, 0.5, 1.5), [c]);
        const beta = tf.tensor(seededFloats(c, 43), [c]);
        const outs = batchNormTrain(x, gamma, beta, { epsilon: 1e-3 });
        const weights = outs
          .slice(0, 3)
          .map((t, i) => tf.tensor(seededFloats(t.size, 44 + i), t.shape));
        const g = tf.grads((xx: tf.Tensor, gg: tf.Tensor, bb: tf.Tensor) =>
          tf.addN(
            batchNormTrain(xx, gg, bb, { epsilon: 1e-3 })
              .slice(0, 3)
              .map((t, i) => tf.sum(tf.mul(t, weights[i]))),
          ),
        )([x, gamma, beta]);
        return [...outs, ...g].map((t) => t.dataSync() as Float32Array);
      };
      const before = tf.memory().numTensors;
      const ours = onWasm(true, run);
      const other = onWasm(false, run);
      expect(tf.memory().numTensors).toBe(before);
      ['y', 'mean', 'variance', 'movingVariance', 'dx', 'dgamma', 'dbeta'].forEach((name, i) => {
        expect({ name, close: relativeMaxError(ours[i], other[i]) < TOLERANCE }).toEqual({
          name,
          close: true,
        });
      });
    });
  }

  // rows x inputs -> outputs: the presets' dense layers, and odd sizes (blocks of 4, one output)
  for (const [rows, inputs, outputs, activation] of [
    [128, 784, 128, 'tanh'],
    [64, 2704, 10, 'linear'],
    [7, 36, 5, 'relu'],
    [3, 8, 1, 'relu'],
  ] as const) {
    it(`denseTrain ${rows}x${inputs} -> ${outputs} ${activation}: output and gradients`, () => {
      const run = () => {
        const x = tf.tensor(seededFloats(rows * inputs, 51), [rows, inputs]);
        const w = tf.tensor(seededFloats(inputs * outputs, 52, -0.2, 0.2), [inputs, outputs]);
        const b = tf.tensor(seededFloats(outputs, 53), [outputs]);
        const attrs = { activation };
        const y = denseTrain(x, w, b, attrs);
        const dy = tf.tensor(seededFloats(y.size, 54), y.shape);
        const g = tf.grads((xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) =>
          tf.sum(tf.mul(denseTrain(xx, ww, bb, attrs), dy)),
        )([x, w, b]);
        return [y, ...g].map((t) => t.dataSync() as Float32Array);
      };
      const before = tf.memory().numTensors;
      const ours = onWasm(true, run);
      const other = onWasm(false, run);
      expect(tf.memory().numTensors).toBe(before);
      ['y', 'dx', 'dw', 'db'].forEach((name, i) => {
        expect({ name, close: relativeMaxError(ours[i], other[i]) < TOLERANCE }).toEqual({
          name,
          close: true,
        });
      });
    });
  }

  it('the bias/relu gradient keeps NaN from dy where the relu is off, as tf.mul(dy, step) does', () => {
    const attrs: ConvTrainAttrs = { strides: [1, 1], pad: 'valid', activation: 'relu' };
    const run = () => {
      const x = tf.tensor(seededFloats(2 * 5 * 5 * 4, 7), [2, 5, 5, 4]);
      const w = tf.tensor(seededFloats(3 * 3 * 4 * 4, 8), [3, 3, 4, 4]);
      const y = conv2dTrain(x, w, null, attrs);
      const dyValues = seededFloats(y.size, 9);
      const yValues = y.dataSync();
      const off = yValues.findIndex((v) => v <= 0);
      const on = yValues.findIndex((v) => v > 0);
      dyValues[off] = NaN;
      const dy = tf.tensor(dyValues, y.shape);
      const dx = tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(conv2dTrain(xx, w, null, attrs), dy)))(x);
      return { off, on, nan: Number.isNaN(dx.dataSync()[0]) };
    };
    const ours = onWasm(true, run);
    expect(ours.off).toBeGreaterThanOrEqual(0);
    expect(ours.on).toBeGreaterThanOrEqual(0);
    expect(ours).toEqual(onWasm(false, run));
  });

  it('the 2x2 max pooling gradient picks the same pixel as the JavaScript kernel, ties and NaN included', () => {
    const xShape = [2, 6, 8, 8];
    const values = seededFloats(size(xShape), 11);
    // ties (first one wins), NaN (never wins), a window of NaN only, -Infinity
    for (let i = 0; i < values.length; i += 7) values[i] = 0.5;
    values[3] = NaN;
    values[8 * 8 * 6 + 1] = NaN;
    for (const p of [0, 8, 64, 72]) values[p + 2] = NaN;
    values[5] = -Infinity;
    const run = () => {
      const x = tf.tensor4d(values, xShape as [number, number, number, number]);
      const dy = tf.tensor(seededFloats(2 * 3 * 4 * 8, 12), [2, 3, 4, 8]);
      return tf
        .grad((xx: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(xx as tf.Tensor4D, 2, 2, 'valid'), dy)))(
          x,
        )
        .dataSync();
    };
    expect(Array.from(onWasm(true, run))).toEqual(Array.from(onWasm(false, run)));
  });
});
