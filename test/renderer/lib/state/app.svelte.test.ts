// AppState against a fake host: the host's self-description, or why the app could not start.
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../../src-main/contract/app';
import { AppState } from '../../../../src-renderer/lib/state/app.svelte';
import { FakeBridge } from '../../fake-bridge';

const info: AppInfo = {
  name: 'Letter Lab',
  version: '0.1.0',
  mode: 'web',
  backend: {
    name: 'wasm',
    nativeAvailable: false,
    nativeError: 'tfjs-node is not installed',
    simd: true,
    simdKernels: true,
    threads: 2,
    reason: 'Native TensorFlow is not installed: training runs on WebAssembly.',
  },
  training: { engine: 'processor', cores: 2 },
  nativeDialogs: false,
  platform: 'linux',
  cpus: 2,
};

describe('AppState', () => {
  it('keeps what the host says about itself, opening on the letters', async () => {
    const app = new AppState(new FakeBridge().answer('app:info', info).client());
    expect(app.section).toBe('data');
    await app.start();
    expect(app.info).toEqual(info);
    expect(app.startError).toBeNull();
  });

  it('says why it could not start instead of waiting forever', async () => {
    const bridge = new FakeBridge().refuse('app:info', 'api.internal', 'The host is not ready.');
    const app = new AppState(bridge.client());
    await app.start();
    expect(app.info).toBeNull();
    expect(app.startError).toBe('The host is not ready.');
  });
});
