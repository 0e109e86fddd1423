// Saved networks a careless or hostile hand changed, through the host's API: weights that are
// not numbers are refused when the network is loaded; links out of the data folder are not
// followed; and no error repeats what a file holds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../src-main/contract/spec';
import { buildModel, compileModel, saveModel } from '../../src-main/core/model';
import { PRESETS } from '../../src-main/core/spec';
import { bootHost, type BootedHost } from '../../src-main/host/boot';
import { webPlatformWithoutTrainer } from '../helpers/host';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SECRET = 'TOP-SECRET root:x:0:0:root:/root:/bin/bash';

describe('hostile saved networks', () => {
  let host: BootedHost;
  let home: string;
  let models: string;

  async function saved(id: string): Promise<string> {
    const spec = structuredClone(
      PRESETS.find((p) => p.id === 'logistic-regression')?.spec,
    ) as ModelSpec;
    const model = buildModel(spec, { seed: 1 });
    compileModel(model, spec.compile);
    const dir = path.join(models, id);
    await saveModel(dir, model, {
      version: 1,
      name: id,
      spec,
      compile: spec.compile,
      history: [],
      dataset: null,
      accuracy: null,
      backend: 'wasm',
      savedAt: new Date().toISOString(),
    });
    model.dispose();
    return dir;
  }

  async function failure(channel: string, payload: unknown) {
    const result = await host.registry.dispatch(channel, payload);
    expect(result.ok).toBe(false);
    return (result as { error: { code: string; message: string } }).error;
  }

  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-hostile-'));
    models = path.join(home, 'user', 'models');
    host = await bootHost({
      platform: webPlatformWithoutTrainer('no training here'),
      paths: { userData: path.join(home, 'user'), resources: path.join(ROOT, 'resources') },
      initialDatasetPath: null,
      backend: 'wasm',
    });
    fs.writeFileSync(path.join(home, 'secret.txt'), SECRET);
  });
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

  it('loads a good saved network (the baseline)', async () => {
    await saved('good');
    expect((await host.registry.dispatch('models:load', { id: 'good' })).ok).toBe(true);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('refuses weights full of %s when loading', async (_name, value) => {
    const id = `bad-${String(value).toLowerCase()}`;
    const dir = await saved(id);
    const size = fs.statSync(path.join(dir, 'weights.bin')).size;
    fs.writeFileSync(
      path.join(dir, 'weights.bin'),
      Buffer.from(new Float32Array(size / 4).fill(value).buffer),
    );
    const error = await failure('models:load', { id });
    expect(error.code).toBe('model.corrupt');
    expect(error.message).toMatch(
      /weights\.bin holds a weight that is not a number \(NaN or infinite\)/,
    );
  });

  it('does not follow a model.json that links out of the data folder, nor echo it', async () => {
    const dir = await saved('linked-file');
    fs.rmSync(path.join(dir, 'model.json'));
    fs.symlinkSync(path.join(home, 'secret.txt'), path.join(dir, 'model.json'));
    const error = await failure('models:load', { id: 'linked-file' });
    expect(error.code).toBe('model.corrupt');
    expect(error.message).toMatch(/model\.json is a link to a file outside its folder/);
    const list = await host.registry.dispatch('models:list', undefined);
    const text = JSON.stringify(list);
    expect(text).toContain('linked-file');
    expect(text).not.toContain('TOP-SECRET');
    expect(text).not.toContain('root:x');
  });

  it('does not follow a model folder that is a link to elsewhere', async () => {
    const elsewhere = await saved('real-one');
    const outside = path.join(home, 'outside-model');
    fs.renameSync(elsewhere, outside);
    fs.symlinkSync(outside, path.join(models, 'linked-folder'));
    const error = await failure('models:load', { id: 'linked-folder' });
    expect(error.message).toMatch(/is a link to a folder elsewhere/);
  });

  it('never repeats what a damaged file holds', async () => {
    const dir = await saved('garbled');
    fs.writeFileSync(path.join(dir, 'model.json'), SECRET);
    fs.writeFileSync(path.join(dir, 'meta.json'), SECRET);
    const error = await failure('models:load', { id: 'garbled' });
    expect(error.code).toBe('model.corrupt');
    expect(error.message).toMatch(/meta\.json is not valid JSON \(unexpected text/);
    const everything = JSON.stringify([
      error,
      await host.registry.dispatch('models:list', undefined),
    ]);
    expect(everything).not.toContain('TOP-SECRET');
    expect(everything).not.toContain('root:x');
  });

  it('does not follow a run.json that links out of the data folder', async () => {
    const run = path.join(home, 'user', 'runs', '2026-01-01T00-00-00-000Z-abcdef');
    fs.mkdirSync(run, { recursive: true });
    fs.symlinkSync(path.join(home, 'secret.txt'), path.join(run, 'run.json'));
    const list = await host.registry.dispatch('runs:list', undefined);
    expect(list.ok).toBe(true);
    const text = JSON.stringify(list);
    expect(text).toMatch(/run\.json is a link to another file, which Letter Lab does not follow/);
    expect(text).not.toContain('TOP-SECRET');
  });
});
