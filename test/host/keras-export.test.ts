// The "Export for Python (Keras)" channels: a saved network or the builder's network becomes a
// Keras project in the exports folder (browser mode), with weights only when trained.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src-main/core/backend';
import { buildModel, compileModel, saveModel } from '../../src-main/core/model';
import { PRESETS } from '../../src-main/core/spec';
import { ApiRegistry } from '../../src-main/host/registry';
import { EventHub } from '../../src-main/host/events';
import { SettingsStore } from '../../src-main/host/settings';
import { setupModels } from '../../src-main/host/models';
import type { HostContext } from '../../src-main/host/context';

describe('Keras export channels', () => {
  let userData: string;
  let registry: ApiRegistry;
  const spec = structuredClone(PRESETS.find((p) => p.id === 'conv-maxpool')!.spec);

  beforeAll(async () => {
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-keras-'));
    await initBackend('wasm');
    const model = buildModel(spec, { seed: 1 });
    compileModel(model, spec.compile);
    await saveModel(path.join(userData, 'models', 'my-net'), model, {
      version: 1,
      name: 'My net',
      spec,
      compile: spec.compile,
      history: [],
      dataset: null,
      accuracy: null,
      backend: 'wasm',
      savedAt: new Date().toISOString(),
    });
    model.dispose();
    const ctx = {
      platform: {
        mode: 'web',
        forkTrainer: () => {
          throw new Error('no training here');
        },
      },
      paths: { userData, resources: '' },
      events: new EventHub(),
      settings: await SettingsStore.open(userData),
      session: { dataset: null, training: null, models: null },
    } as unknown as HostContext;
    registry = new ApiRegistry();
    setupModels(registry, ctx);
  });
  afterAll(() => fs.rmSync(userData, { recursive: true, force: true }));

  it('exports a saved network with its weights into the exports folder', async () => {
    const result = await registry.dispatch('models:export-keras', { id: 'my-net' });
    expect(result.ok).toBe(true);
    const out = (result.ok && (result.value as { path: string }).path) as string;
    expect(out.startsWith(path.join(userData, 'exports'))).toBe(true);
    expect(fs.readdirSync(out).sort()).toEqual(['README.md', 'model.py', 'weights.npz']);
    expect(spawnSync('python3', ['-m', 'py_compile', path.join(out, 'model.py')]).status).toBe(0);
    // A second export never overwrites the first.
    const again = await registry.dispatch('models:export-keras', { id: 'my-net' });
    expect(again.ok && (again.value as { path: string }).path).not.toBe(out);
  });

  it('exports the builder’s network as architecture only, and refuses a broken one', async () => {
    const result = await registry.dispatch('models:export-spec-keras', { spec });
    expect(result.ok).toBe(true);
    const out = (result.ok && (result.value as { path: string }).path) as string;
    expect(fs.readdirSync(out).sort()).toEqual(['README.md', 'model.py']);
    const broken = { ...spec, layers: [{ type: 'dense', units: 0, activation: 'relu' }] };
    const refused = await registry.dispatch('models:export-spec-keras', { spec: broken });
    expect(refused.ok).toBe(false);
  });

  it('refuses a network model.py could not train on notMNIST, writing nothing', async () => {
    const before = fs.readdirSync(path.join(userData, 'exports')).length;
    const colour = { ...spec, input: { height: 28, width: 28, channels: 3 } };
    const result = await registry.dispatch('models:export-spec-keras', { spec: colour });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('export.not-notmnist');
      expect(result.error.message).toMatch(/this network takes 28x28x3 pictures in 10 classes/);
    }
    expect(fs.readdirSync(path.join(userData, 'exports')).length).toBe(before);
  });

  it('refuses ids that are paths', async () => {
    const result = await registry.dispatch('models:export-keras', { id: '../models/my-net' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('api.bad-request');
  });
});
