// Saved networks through the real API registry: a real training run (logistic regression on the
// bundled sample letters, in a real training process) saved into a temp user-data folder, loaded
// for predictions, renamed, exported, imported and deleted; ids that would lead outside the
// library; broken folders listed with their problem.
import { cp, mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Channel } from '../../src-main/contract/api';
import type { ModelSpec } from '../../src-main/contract/spec';
import type { ModelMeta, SavedModelEntry } from '../../src-main/contract/training';
import type { TrainingState } from '../../src-main/contract/training-api';
import { initBackend } from '../../src-main/core/backend';
import { buildModel, compileModel, loadModel, saveModel } from '../../src-main/core/model';
import { PRESETS } from '../../src-main/core/spec';
import type { HostContext, Platform } from '../../src-main/host/context';
import { setupDataset } from '../../src-main/host/dataset';
import { snapshotModel } from '../../src-main/host/model-library';
import { setupModels } from '../../src-main/host/models';
import { ApiRegistry } from '../../src-main/host/registry';
import { forkNodeTrainer } from '../../src-main/host/trainer-connection';
import { setupTraining } from '../../src-main/host/training';
import { hostCalls, makeHostContext, type HostCalls } from '../helpers/host';
import { loadOverHttp } from '../helpers/load-over-http';

interface Host extends HostCalls {
  ctx: HostContext;
  registry: ApiRegistry;
}

/** The folder the next "choose folder" dialog answers with (desktop); null = cancelled. */
let nextFolder: string | null = null;

async function makeHost(userData: string, desktop: boolean): Promise<Host> {
  const platform: Platform = {
    mode: desktop ? 'electron' : 'web',
    forkTrainer: forkNodeTrainer,
    ...(desktop ? { chooseFolder: async () => nextFolder } : {}),
  };
  const ctx = await makeHostContext(userData, platform);
  const registry = new ApiRegistry();
  setupDataset(registry, ctx);
  setupTraining(registry, ctx);
  setupModels(registry, ctx);
  return { ctx, registry, ...hostCalls(registry) };
}

/** Class probabilities for a few fixed pictures. */
function predict(model: tfl.LayersModel): number[] {
  return tf.tidy(() => {
    const x = tf.tensor4d(
      Float32Array.from({ length: 3 * 784 }, (_, i) => ((i * 37) % 101) / 101),
      [3, 28, 28, 1],
    );
    return Array.from((model.predict(x) as tf.Tensor).dataSync());
  });
}

function waitForRunEnd(host: Host): Promise<TrainingState> {
  return new Promise((resolve) => {
    const off = host.ctx.events.subscribe((event, payload) => {
      const state = payload as TrainingState;
      if (
        event === 'training:state' &&
        ['finished', 'stopped', 'failed', 'crashed'].includes(state.status)
      ) {
        off();
        resolve(state);
      }
    });
  });
}

let home: string;
let desktop: Host;
let web: Host;
let run: TrainingState;
let saved: SavedModelEntry;

describe('saved networks (host)', () => {
  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-models-host-'));
    desktop = await makeHost(path.join(home, 'user'), true);
    web = await makeHost(path.join(home, 'user'), false);
    await desktop.call('dataset:open-sample');
    const spec: ModelSpec = structuredClone(
      PRESETS.find((p) => p.id === 'logistic-regression')!.spec,
    );
    spec.compile.epochs = 1;
    const ended = waitForRunEnd(desktop);
    await desktop.call('training:start', { spec, seed: 7 });
    run = await ended;
    expect(run.status).toBe('finished');
  });
  afterAll(async () => {
    desktop?.ctx.session.training?.dispose();
    web?.ctx.session.training?.dispose();
    await rm(home, { recursive: true, force: true });
  });

  it('lists nothing before anything was saved, and refuses to save before a run', async () => {
    expect(await web.call('models:list')).toEqual([]);
    const error = await web.fail('models:save-current', { name: 'too early' });
    expect(error.code).toBe('model.not-found');
    expect(error.message).toMatch(/no trained network to save yet/);
  });

  it('saves the current run under a trimmed name, byte for byte, with the run’s history', async () => {
    saved = await desktop.call('models:save-current', { name: '  Łatwy model #1 ' });
    expect(saved.id).toMatch(/^latwy-model-1-[0-9a-f]{6}$/);
    expect(saved.problem).toBeNull();
    expect(saved.meta?.name).toBe('Łatwy model #1');
    expect(saved.meta?.history).toEqual(run.history);
    expect(saved.meta?.accuracy).toBe(run.history[0].valAcc);
    expect(saved.path).toBe(path.join(home, 'user', 'models', saved.id));
    const runDir = desktop.ctx.session.training!.modelDir()!;
    for (const file of ['model.json', 'weights.bin']) {
      expect(await readFile(path.join(saved.path, file))).toEqual(
        await readFile(path.join(runDir, file)),
      );
    }
    const list = await web.call('models:list');
    expect(list.map((e) => e.id)).toEqual([saved.id]);
  });

  it.each([
    ['an empty name', ''],
    ['only spaces', '   '],
    ['a name of 101 characters', 'x'.repeat(101)],
  ])('refuses %s', async (_what, name) => {
    const error = await desktop.fail('models:save-current', { name });
    expect(error.code).toBe('api.bad-request');
    expect(error.message).toMatch(
      /payload\.name: (give the model a name|a model name has at most 100)/,
    );
  });

  it('loads a saved model for predictions, and a new run takes over again', async () => {
    const cache = desktop.ctx.session.models!;
    expect(await desktop.call('models:in-use')).toEqual({ id: null });
    const meta = await desktop.call('models:load', { id: saved.id });
    expect(meta.name).toBe('Łatwy model #1');
    expect(await desktop.call('models:in-use')).toEqual({ id: saved.id });
    const active = await cache.get();
    expect(active.source).toBe('saved');
    expect(active.dir).toBe(saved.path);
    const fromRun = await loadModel(desktop.ctx.session.training!.modelDir()!);
    expect(predict(active.model)).toEqual(predict(fromRun.model));
    fromRun.model.dispose();
    const ended = waitForRunEnd(desktop);
    await desktop.call('training:start', { spec: run.spec!, seed: 8 });
    expect(await desktop.call('models:in-use')).toEqual({ id: null });
    expect((await ended).status).toBe('finished');
    expect((await cache.get()).source).toBe('run');
  });

  it('renames in meta.json and keeps the folder', async () => {
    const renamed = await desktop.call('models:rename', {
      id: saved.id,
      name: 'Logistic, renamed',
    });
    expect(renamed.id).toBe(saved.id);
    expect(renamed.meta?.name).toBe('Logistic, renamed');
    const onDisk = JSON.parse(
      await readFile(path.join(saved.path, 'meta.json'), 'utf8'),
    ) as ModelMeta;
    expect(onDisk.name).toBe('Logistic, renamed');
    expect(onDisk.history).toEqual(run.history);
  });

  it('exports into a chosen folder (desktop) a model plain tf.loadLayersModel reads, never overwriting', async () => {
    const parent = await mkdtemp(path.join(home, 'export-'));
    nextFolder = parent;
    const first = await desktop.call('models:export', { id: saved.id });
    const second = await desktop.call('models:export', { id: saved.id });
    expect(first).toEqual({ path: path.join(parent, 'logistic-renamed'), chosen: true });
    expect(second?.path).toBe(path.join(parent, 'logistic-renamed-2'));
    expect((await readdir(first!.path)).sort()).toEqual(['meta.json', 'model.json', 'weights.bin']);
    const plain = await loadOverHttp(first!.path);
    const original = await loadModel(saved.path);
    expect(predict(plain)).toEqual(predict(original.model));
    plain.dispose();
    original.model.dispose();
    nextFolder = null;
    expect(await desktop.call('models:export', { id: saved.id })).toBeNull();
  });

  it('exports into <userData>/exports in browser mode, where no folder can be picked', async () => {
    const result = await web.call('models:export', { id: saved.id });
    expect(result).toEqual({
      path: path.join(home, 'user', 'exports', 'logistic-renamed'),
      chosen: false,
    });
    expect((await stat(path.join(result!.path, 'weights.bin'))).size).toBeGreaterThan(0);
  });

  it('imports a checked model folder (desktop) under a new id; refuses folders that are no model', async () => {
    const exported = path.join(home, 'user', 'exports', 'logistic-renamed');
    nextFolder = exported;
    const imported = await desktop.call('models:import');
    expect(imported?.id).toMatch(/^logistic-renamed-[0-9a-f]{6}$/);
    expect(imported?.id).not.toBe(saved.id);
    expect(imported?.problem).toBeNull();
    expect(await readFile(path.join(imported!.path, 'weights.bin'))).toEqual(
      await readFile(path.join(exported, 'weights.bin')),
    );

    const empty = await mkdtemp(path.join(home, 'empty-'));
    nextFolder = empty;
    const error = await desktop.fail('models:import');
    expect(error.code).toBe('model.corrupt');
    expect(error.message).toMatch(/meta\.json is missing/);
    nextFolder = null;
    expect(await desktop.call('models:import')).toBeNull();
    const browser = await web.fail('models:import');
    expect(browser.message).toMatch(/needs the desktop app/);
    expect((await web.call('models:list')).length).toBe(2);
    await web.call('models:delete', { id: imported!.id });
  });

  describe('ids that are not plain folder names are refused before any file is touched', () => {
    const BAD_IDS = [
      '',
      '..',
      '../x',
      '../victim',
      '/etc',
      'a/b',
      'a\\b',
      '.hidden',
      'C:evil',
      'x'.repeat(129),
      ' x',
    ];

    beforeAll(async () => {
      // A real model just outside the library that "../victim" would reach.
      const model = buildModel(PRESETS[0].spec);
      compileModel(model, PRESETS[0].spec.compile);
      await saveModel(path.join(home, 'user', 'victim'), model, {
        ...saved.meta!,
        name: 'victim',
      });
      model.dispose();
    });

    const calls: [Channel, (id: string) => unknown][] = [
      ['models:load', (id) => ({ id })],
      ['models:rename', (id) => ({ id, name: 'new' })],
      ['models:delete', (id) => ({ id })],
      ['models:export', (id) => ({ id })],
    ];
    it.each(
      calls.flatMap(([channel, payload]) => BAD_IDS.map((id) => [channel, id, payload] as const)),
    )('%s refuses id %j', async (channel, id, payload) => {
      const error = await web.fail(channel, payload(id));
      expect(error.code).toBe('api.bad-request');
      expect(error.message).toMatch(/payload\.id: .* is not a saved model id/);
    });

    it('left the model outside the library alone', async () => {
      expect((await readdir(path.join(home, 'user', 'victim'))).sort()).toEqual([
        'meta.json',
        'model.json',
        'weights.bin',
      ]);
    });
  });

  it('lists broken folders with their problem, while the good ones still load', async () => {
    const models = path.join(home, 'user', 'models');
    const copy = async (id: string) => {
      await cp(saved.path, path.join(models, id), { recursive: true });
      return path.join(models, id);
    };
    await truncate(path.join(await copy('short-weights'), 'weights.bin'), 10);
    await writeFile(path.join(await copy('bad-meta'), 'meta.json'), '{ not json');
    await rm(path.join(await copy('no-model-json'), 'model.json'));
    await copy('has space');
    await writeFile(path.join(models, 'stray-file.txt'), 'not a model');

    const list = await web.call('models:list');
    const problem = (id: string) => list.find((e) => e.id === id)?.problem;
    expect(list.map((e) => e.id)).toEqual([
      saved.id,
      'bad-meta',
      'has space',
      'no-model-json',
      'short-weights',
    ]);
    expect(problem(saved.id)).toBeNull();
    expect(problem('short-weights')).toMatch(/weights\.bin has 10 bytes but model\.json needs \d+/);
    expect(problem('bad-meta')).toMatch(/meta\.json is not valid JSON/);
    expect(problem('no-model-json')).toMatch(/model\.json is missing/);
    expect(problem('has space')).toMatch(/folder name "has space" cannot be used/);

    const broken = await web.fail('models:load', { id: 'short-weights' });
    expect(broken.code).toBe('model.corrupt');
    expect((await web.call('models:load', { id: saved.id })).name).toBe('Logistic, renamed');
  });

  it('deletes a model (and predictions stop using it), then says it is gone', async () => {
    await desktop.call('models:load', { id: saved.id });
    expect(await desktop.call('models:delete', { id: saved.id })).toEqual({ id: saved.id });
    expect(await desktop.call('models:in-use')).toEqual({ id: null });
    expect((await web.call('models:list')).map((e) => e.id)).not.toContain(saved.id);
    const again = await desktop.fail('models:delete', { id: saved.id });
    expect(again.code).toBe('model.not-found');
    const load = await desktop.fail('models:load', { id: saved.id });
    expect(load.code).toBe('model.not-found');
  });
});

describe('snapshotModel', () => {
  it('never mixes the files of two saves while another save replaces the folder', async () => {
    await initBackend('wasm');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-snapshot-'));
    const target = path.join(dir, 'model');
    const spec = structuredClone(PRESETS[0].spec);
    const models = [1, 2].map((seed) => {
      const model = buildModel(spec, { seed });
      compileModel(model, spec.compile);
      return model;
    });
    const metaFor = (name: string): ModelMeta => ({
      version: 1,
      name,
      spec,
      compile: spec.compile,
      history: [],
      dataset: null,
      accuracy: null,
      backend: 'wasm',
      savedAt: new Date().toISOString(),
    });
    await saveModel(target, models[0], metaFor('A'));
    let saving = true;
    const saver = (async () => {
      for (let i = 1; saving; i++)
        await saveModel(target, models[i % 2], metaFor(i % 2 ? 'B' : 'A'));
    })();
    const weightsByName = new Map<string, Buffer>();
    try {
      for (let i = 0; i < 80; i++) {
        const snap = await snapshotModel(target);
        const known = weightsByName.get(snap.meta.name);
        if (known) expect(snap.weights.equals(known)).toBe(true);
        else weightsByName.set(snap.meta.name, snap.weights);
      }
    } finally {
      saving = false;
      await saver;
      models.forEach((m) => m.dispose());
      await rm(dir, { recursive: true, force: true });
    }
    if (weightsByName.size === 2) {
      expect(weightsByName.get('A')!.equals(weightsByName.get('B')!)).toBe(false);
    }
  });
});
