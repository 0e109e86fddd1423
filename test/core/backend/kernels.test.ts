// Our wasm kernels against the cpu backend (and finite differences where cpu itself is wrong).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../../../src-main/core/backend';
import {
  chunkPixels,
  im2colTransposed,
} from '../../../src-main/core/backend/kernels/conv2d-backprop-filter';
import { relativeMaxError, seededFloats, size } from './numeric';

type Backend = 'cpu' | 'wasm';
type Pad = 'valid' | 'same';
const TOLERANCE = 1e-4;
const worst: Record<string, number> = {};

function note(kernel: string, err: number): void {
  worst[kernel] = Math.max(worst[kernel] ?? 0, err);
}

/** Runs `f` on `backend`, disposing the tensors it makes. */
async function on<T>(backend: Backend, f: () => T): Promise<T> {
  await initBackend(backend);
  let out!: T;
  tf.tidy(() => {
    out = f();
  });
  return out;
}

/** dW and dx of sum(conv2d(x, w) * dy) on one backend: Conv2DBackpropFilter / Conv2DBackpropInput. */
function convGrads(xShape: number[], wShape: number[], stride: number, pad: Pad, seed: number) {
  const x = tf.tensor4d(
    seededFloats(size(xShape), seed),
    xShape as [number, number, number, number],
  );
  const w = tf.tensor4d(
    seededFloats(size(wShape), seed + 1),
    wShape as [number, number, number, number],
  );
  const yShape = tf.conv2d(x, w, stride, pad).shape;
  const dy = tf.tensor(seededFloats(size(yShape), seed + 2), yShape);
  const loss = (xx: tf.Tensor, ww: tf.Tensor) =>
    tf.sum(tf.mul(tf.conv2d(xx as tf.Tensor4D, ww as tf.Tensor4D, stride, pad), dy));
  const [dx, dw] = tf.grads(loss)([x, w]);
  return { dx: dx.dataSync(), dw: dw.dataSync(), y: yShape };
}

describe('im2colTransposed', () => {
  it('gives the same columns for any split of the output pixels into chunks', () => {
    for (const [xShape, wShape, stride, pad] of [
      [[2, 7, 7, 3], [3, 3, 3, 4], 2, 'same'],
      [[3, 6, 5, 1], [2, 2, 1, 1], 1, 'valid'],
      [[2, 9, 9, 2], [5, 5, 2, 1], 2, 'valid'],
    ] as [number[], number[], number, Pad][]) {
      const info = tf.backend_util.computeConv2DInfo(
        xShape as never,
        wShape as never,
        stride,
        1,
        pad,
      );
      const x = seededFloats(size(xShape), 4);
      const k = wShape[0] * wShape[1] * wShape[2];
      const m = info.batchSize * info.outHeight * info.outWidth;
      const whole = new Float32Array(k * m);
      im2colTransposed(x, info, 0, m, whole);
      // Check a few entries against the definition.
      const { top, left } = info.padInfo;
      for (const [row, col] of [
        [0, 0],
        [k - 1, m - 1],
        [Math.floor(k / 2), Math.floor(m / 3)],
      ]) {
        const ci = row % wShape[2];
        const kw = Math.floor(row / wShape[2]) % wShape[1];
        const kh = Math.floor(row / (wShape[2] * wShape[1]));
        const ow = col % info.outWidth;
        const oh = Math.floor(col / info.outWidth) % info.outHeight;
        const n = Math.floor(col / (info.outWidth * info.outHeight));
        const ih = oh * stride + kh - top;
        const iw = ow * stride + kw - left;
        const inside = ih >= 0 && ih < xShape[1] && iw >= 0 && iw < xShape[2];
        const expected = inside ? x[((n * xShape[1] + ih) * xShape[2] + iw) * xShape[3] + ci] : 0;
        expect(whole[row * m + col]).toBe(expected);
      }
      for (const chunk of [1, 5, 7, m - 1]) {
        for (let m0 = 0; m0 < m; m0 += chunk) {
          const m1 = Math.min(m, m0 + chunk);
          const part = new Float32Array(k * (m1 - m0)).fill(NaN);
          im2colTransposed(x, info, m0, m1, part);
          for (let r = 0; r < k; r++) {
            expect(Array.from(part.subarray(r * (m1 - m0), (r + 1) * (m1 - m0)))).toEqual(
              Array.from(whole.subarray(r * m + m0, r * m + m1)),
            );
          }
        }
      }
    }
  });
});

describe('wasm training kernels agree with the cpu backend', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });
  afterAll(() => {
    console.log('worst relative errors (wasm vs reference):', JSON.stringify(worst));
  });

  const convCases: [number[], number[]][] = [
    [
      [2, 7, 7, 1],
      [3, 3, 1, 1],
    ], // odd size, 1 in / 1 out channel
    [
      [2, 8, 8, 1],
      [3, 3, 1, 4],
    ], // even size, several out channels
    [
      [1, 9, 6, 3],
      [3, 3, 3, 5],
    ], // non-square, several in and out channels
    [
      [3, 10, 10, 4],
      [2, 2, 4, 2],
    ], // even kernel
    [
      [2, 11, 11, 2],
      [5, 5, 2, 3],
    ], // large kernel
    // Channels in fours take our SIMD kernels (../simd): output channels in blocks of 16 and of
    // 4, input channels in pairs and a leftover one, one input channel, tall and wide images.
    [
      [2, 9, 8, 3],
      [3, 3, 3, 20],
    ],
    [
      [3, 12, 7, 8],
      [3, 2, 8, 32],
    ],
    [
      [2, 10, 10, 1],
      [3, 3, 1, 16],
    ],
    [
      [1, 5, 40, 4],
      [2, 3, 4, 8],
    ],
    [
      [2, 13, 11, 16],
      [5, 5, 16, 4],
    ],
  ];
  for (const [xShape, wShape] of convCases) {
    for (const stride of [1, 2]) {
      for (const pad of ['valid', 'same'] as const) {
        it(`conv2d gradients x=[${xShape}] w=[${wShape}] stride ${stride} ${pad}`, async () => {
          const seed = xShape[1] * 100 + wShape[3] * 10 + stride;
          const cpu = await on('cpu', () => convGrads(xShape, wShape, stride, pad, seed));
          const wasm = await on('wasm', () => convGrads(xShape, wShape, stride, pad, seed));
          expect(wasm.y).toEqual(cpu.y);
          const errW = relativeMaxError(wasm.dw, cpu.dw);
          const errX = relativeMaxError(wasm.dx, cpu.dx);
          note('Conv2DBackpropFilter', errW);
          note('Conv2DBackpropInput', errX);
          expect(errW).toBeLessThan(TOLERANCE);
          expect(errX).toBeLessThan(TOLERANCE);
        });
      }
    }
  }

  it('Conv2DBackpropFilter of a 1-channel input over two pixel chunks (24x28x28x1 -> 8 filters)', async () => {
    const xShape: [number, number, number, number] = [24, 28, 28, 1];
    const wShape: [number, number, number, number] = [3, 3, 1, 8];
    const pixels = 24 * 26 * 26;
    expect(chunkPixels(9, 8, pixels)).toBeLessThan(pixels);
    expect(chunkPixels(9, 8, pixels)).toBeGreaterThan(pixels / 2);
    const run = () => {
      const x = tf.tensor4d(seededFloats(size(xShape), 7), xShape);
      const w = tf.tensor4d(seededFloats(size(wShape), 8), wShape);
      const dy = tf.tensor(seededFloats(24 * 26 * 26 * 8, 9), [24, 26, 26, 8]);
      return tf
        .grad((ww: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x, ww as tf.Tensor4D, 1, 'valid'), dy)))(w)
        .dataSync();
    };
    const cpu = await on('cpu', run);
    const wasm = await on('wasm', run);
    const err = relativeMaxError(wasm, cpu);
    note('Conv2DBackpropFilter', err);
    expect(err).toBeLessThan(TOLERANCE);
  });

  const poolCases: [number[], number, number, Pad][] = [
    [[2, 8, 8, 3], 2, 2, 'valid'],
    [[1, 7, 9, 2], 2, 2, 'valid'], // the unrolled 2x2 path, with a leftover row and column
    [[2, 7, 7, 1], 2, 2, 'same'],
    [[1, 9, 9, 4], 3, 2, 'same'],
    [[1, 6, 6, 2], 2, 1, 'valid'],
    [[2, 5, 6, 2], 3, 1, 'same'],
    [[2, 8, 6, 8], 2, 2, 'valid'], // channels in fours: the SIMD 2x2 kernel
    [[1, 9, 7, 4], 2, 2, 'valid'], // ... with a leftover row and column
  ];
  for (const [xShape, k, stride, pad] of poolCases) {
    it(`maxPool gradient x=[${xShape}] pool ${k} stride ${stride} ${pad}, also for all-negative windows`, async () => {
      for (const [lo, hi] of [
        [-1, 1],
        [-2, -1],
      ]) {
        const run = () => {
          const x = tf.tensor4d(
            seededFloats(size(xShape), k * 10 + stride, lo, hi),
            xShape as never,
          );
          const yShape = tf.maxPool(x, k, stride, pad).shape;
          const dy = tf.tensor(seededFloats(size(yShape), 99), yShape);
          return tf
            .grad((xx: tf.Tensor) =>
              tf.sum(tf.mul(tf.maxPool(xx as tf.Tensor4D, k, stride, pad), dy)),
            )(x)
            .dataSync();
        };
        const cpu = await on('cpu', run);
        const wasm = await on('wasm', run);
        const err = relativeMaxError(wasm, cpu);
        note('MaxPoolGrad', err);
        expect(err).toBeLessThan(TOLERANCE);
      }
    });

    it(`avgPool gradient x=[${xShape}] pool ${k} stride ${stride} ${pad} matches finite differences`, async () => {
      await initBackend('wasm');
      const xs = seededFloats(size(xShape), 5);
      const yShape = tf.tidy(
        () => tf.avgPool(tf.tensor4d(xs, xShape as never), k, stride, pad).shape,
      );
      const dyValues = seededFloats(size(yShape), 6);
      const f = (v: Float32Array | tf.Tensor4D) =>
        tf.tidy(() => {
          const x = v instanceof tf.Tensor ? v : tf.tensor4d(v, xShape as never);
          return tf.sum(tf.mul(tf.avgPool(x, k, stride, pad), tf.tensor(dyValues, yShape)));
        });
      const grad = tf.tidy(() =>
        tf
          .grad((x: tf.Tensor) => f(x as tf.Tensor4D))(tf.tensor4d(xs, xShape as never))
          .dataSync(),
      );
      // f is linear in x, so a central difference is exact up to rounding.
      const eps = 0.5;
      const fd = new Float32Array(xs.length);
      for (let i = 0; i < xs.length; i++) {
        const up = xs.slice();
        const down = xs.slice();
        up[i] += eps;
        down[i] -= eps;
        const fu = f(up);
        const fdn = f(down);
        fd[i] = (fu.dataSync()[0] - fdn.dataSync()[0]) / (2 * eps);
        fu.dispose();
        fdn.dispose();
      }
      const err = relativeMaxError(grad, fd);
      note('AvgPoolGrad', err);
      expect(err).toBeLessThan(TOLERANCE);
      // And the cpu backend (with our border fix) agrees.
      const cpu = await on('cpu', () =>
        tf
          .grad((x: tf.Tensor) => f(x as tf.Tensor4D))(tf.tensor4d(xs, xShape as never))
          .dataSync(),
      );
      expect(relativeMaxError(grad, cpu)).toBeLessThan(TOLERANCE);
    });
  }

  for (const [ta, tb] of [
    [true, false],
    [false, true],
    [true, true],
    [false, false],
  ]) {
    it(`matMul transposeA=${ta} transposeB=${tb}, 2-D and batch-1 3-D`, async () => {
      for (const lead of [[], [1]]) {
        const aShape = [...lead, ...(ta ? [37, 5] : [5, 37])];
        const bShape = [...lead, ...(tb ? [11, 37] : [37, 11])];
        const run = () => {
          const a = tf.tensor(seededFloats(size(aShape), 1), aShape);
          const b = tf.tensor(seededFloats(size(bShape), 2), bShape);
          const c = tf.matMul(a, b, ta, tb);
          return { shape: c.shape, values: c.dataSync() };
        };
        const cpu = await on('cpu', run);
        const wasm = await on('wasm', run);
        expect(wasm.shape).toEqual([...lead, 5, 11]);
        expect(wasm.shape).toEqual(cpu.shape);
        const err = relativeMaxError(wasm.values, cpu.values);
        note('BatchMatMul', err);
        expect(err).toBeLessThan(TOLERANCE);
      }
    });
  }

  it('sum over leading axes (bias gradients) and over other axes', async () => {
    // the last axis 7 (plain arrays) and 8 (the SIMD kernel, kept values in fours)
    for (const [shape, axis, keepDims] of [
      [[4, 5, 6, 7], [0, 1, 2], false],
      [[4, 5, 6, 7], [0], true],
      [[4, 5, 6, 7], [1, 0], false],
      [[4, 5, 6, 7], [1, 2], false],
      [[4, 5, 6, 7], [3], true],
      [[4, 5, 6, 7], undefined, false],
      [[3, 50, 7, 8], [0, 1, 2], false],
      [[3, 50, 7, 8], [0, 1], true],
    ] as [number[], number[] | undefined, boolean][]) {
      const run = () => {
        const x = tf.tensor(seededFloats(size(shape), 3), shape);
        const s = tf.sum(x, axis, keepDims);
        return { shape: s.shape, values: s.dataSync() };
      };
      const cpu = await on('cpu', run);
      const wasm = await on('wasm', run);
      expect(wasm.shape).toEqual(cpu.shape);
      const err = relativeMaxError(wasm.values, cpu.values);
      note('Sum', err);
      expect(err).toBeLessThan(TOLERANCE);
    }
  });
});
