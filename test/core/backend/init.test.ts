import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { describeBackend, initBackend, wasmBinaryDir } from '../../../src-main/core/backend';

function nativeInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}

// Counted before anything in this file starts a backend.
const handlersBefore = ['uncaughtException', 'unhandledRejection'].map((e) =>
  process.listenerCount(e),
);

describe('initBackend', () => {
  it('leaves no process-wide crash handlers of the wasm runtime behind', async () => {
    await initBackend('wasm');
    expect(
      ['uncaughtException', 'unhandledRejection'].map((e) => process.listenerCount(e)),
    ).toEqual(handlersBefore);
  });

  it.skipIf(nativeInstalled())(
    'auto falls back to wasm with SIMD when tfjs-node is not installed, and says why',
    async () => {
      const info = await initBackend('auto');
      expect(info).toMatchObject({
        name: 'wasm',
        nativeAvailable: false,
        nativeError: '@tensorflow/tfjs-node is not installed',
        simd: true,
        simdKernels: true,
      });
      expect(info.threads).toBeGreaterThanOrEqual(1);
      expect(info.reason).toMatch(
        /not installed.*WebAssembly with SIMD and Letter Lab's own SIMD training kernels/,
      );
      expect(tf.getBackend()).toBe('wasm');
      expect(describeBackend()).toMatch(/^Training backend: WebAssembly\./);
      // Idempotent: the same answer, the same backend.
      expect(await initBackend('auto')).toBe(info);
      expect(tf.getBackend()).toBe('wasm');
    },
  );

  it.skipIf(!nativeInstalled())(
    'auto uses native TensorFlow when tfjs-node is installed',
    async () => {
      const info = await initBackend('auto');
      expect(info).toMatchObject({ name: 'tensorflow', nativeAvailable: true, nativeError: null });
      expect(tf.getBackend()).toBe('tensorflow');
    },
  );

  it('switches between backends on request, also when asked concurrently', async () => {
    expect((await initBackend('cpu')).name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    const [a, b] = await Promise.all([initBackend('wasm'), initBackend('wasm')]);
    expect(a).toBe(b);
    expect(tf.getBackend()).toBe('wasm');
    const native = await initBackend('native');
    if (!nativeInstalled())
      expect(native.reason).toMatch(/^Native TensorFlow was asked for, but .* not installed/);
  });

  it('trains a conv layer on wasm (our Conv2DBackpropFilter is registered)', async () => {
    await initBackend('wasm');
    const w = tf.variable(tf.ones([3, 3, 1, 2]));
    const x = tf.ones<tf.Rank.R4>([1, 5, 5, 1]);
    const { grads } = tf.variableGrads(() =>
      tf.sum(tf.conv2d(x, w as tf.Variable<tf.Rank.R4>, 2, 'same')),
    );
    // Each tap sees the input pixels it touches: 9 outputs at stride 2 over a 5x5 'same' grid.
    const g = grads[w.name].dataSync();
    expect(g[0]).toBe(4); // top-left tap: inside the image only for output rows/cols 1 and 2
    expect(g[4 * 2]).toBe(9); // centre tap sees every output
    tf.dispose([w, x, ...Object.values(grads)]);
  });
});

describe('wasmBinaryDir', () => {
  it('finds the installed tfjs-backend-wasm binaries', () => {
    const dir = wasmBinaryDir({});
    expect(dir.endsWith(path.sep)).toBe(true);
    expect(dir).toContain(path.join('@tensorflow', 'tfjs-backend-wasm', 'dist'));
  });

  it('takes LETTER_LAB_WASM_DIR, and says which file is missing where', async () => {
    const installed = wasmBinaryDir({});
    expect(wasmBinaryDir({ LETTER_LAB_WASM_DIR: installed })).toBe(installed);
    const empty = await mkdtemp(path.join(os.tmpdir(), 'no-wasm-'));
    try {
      expect(() => wasmBinaryDir({ LETTER_LAB_WASM_DIR: empty })).toThrow(
        expect.objectContaining({
          code: 'training.backend-unavailable',
          message: expect.stringMatching(
            /tfjs-backend-wasm-simd\.wasm .*not found in .*LETTER_LAB_WASM_DIR/,
          ),
        }),
      );
    } finally {
      await rm(empty, { recursive: true });
    }
  });
});
