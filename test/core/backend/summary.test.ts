// The short line about the training engine that the status bar and `letter-lab info` show.
import { describe, expect, it } from 'vitest';
import type { BackendInfo } from '../../../src-main/contract/backend';
import { backendSummaryOf, backendSummaryText } from '../../../src-main/core/backend/summary';

const wasm: BackendInfo = {
  name: 'wasm',
  nativeAvailable: false,
  nativeError: '@tensorflow/tfjs-node is not installed',
  simd: true,
  simdKernels: true,
  threads: 2,
  reason: '@tensorflow/tfjs-node is not installed, so training uses WebAssembly…',
};

describe('backend summary', () => {
  it('WebAssembly trains on the processor with its training threads as cores', () => {
    expect(backendSummaryOf(wasm, 8)).toEqual({ engine: 'processor', cores: 2 });
    expect(backendSummaryText(wasm, 8)).toBe("Training on this computer's processor, 2 cores");
    expect(backendSummaryText({ ...wasm, threads: 1 }, 1)).toBe(
      "Training on this computer's processor, 1 core",
    );
  });

  it('native TensorFlow uses every core; plain JavaScript says it is slow', () => {
    const native = { ...wasm, name: 'tensorflow' as const, threads: null, nativeError: null };
    expect(backendSummaryText(native, 4)).toBe(
      "Training with TensorFlow on this computer's processor, 4 cores",
    );
    expect(backendSummaryText({ ...wasm, name: 'cpu', threads: 2 }, 2)).toBe(
      'Training slowly in plain JavaScript, 2 cores',
    );
  });

  it('never says 0 cores', () => {
    expect(backendSummaryOf({ ...wasm, threads: null }, 0).cores).toBe(1);
  });
});
