// The lab notebook through the real API registry: real training runs (logistic regression on the
// bundled sample letters, in a real training process) recorded by themselves into a temp
// user-data folder, read back by a new host over the same folder (a restart), "train more"
// updating the same record, renaming, starring, notes, comparing, deleting, a damaged run.json
// listed with its problem, and the guided first run's "done" flag kept in the settings.
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src-main/contract/runs';
import type { ModelSpec } from '../../src-main/contract/spec';
import { PRESETS } from '../../src-main/core/spec';
import type { HostContext } from '../../src-main/host/context';
import { setupDataset } from '../../src-main/host/dataset';
import { ApiRegistry } from '../../src-main/host/registry';
import { setupModels } from '../../src-main/host/models';
import { setupRuns } from '../../src-main/host/runs';
import { forkNodeTrainer } from '../../src-main/host/trainer-connection';
import { setupTraining } from '../../src-main/host/training';
import { hostCalls, makeHostContext, type HostCalls } from '../helpers/host';

interface Host extends HostCalls {
  ctx: HostContext;
}

async function makeHost(userData: string): Promise<Host> {
  const ctx = await makeHostContext(userData, { mode: 'web', forkTrainer: forkNodeTrainer });
  const registry = new ApiRegistry();
  setupDataset(registry, ctx);
  setupTraining(registry, ctx);
  setupRuns(registry, ctx, setupModels(registry, ctx));
  return { ctx, ...hostCalls(registry) };
}

/**
 * Resolves with the id of the next run whose end is recorded: a `runs:changed` event after which
 * its run.json no longer says 'running' (it is also written at the start and after every epoch).
 */
function nextRecorded(host: Host): Promise<string> {
  return new Promise((resolve) => {
    const off = host.ctx.events.subscribe((event, payload) => {
      if (event !== 'runs:changed') return;
      const { id } = payload as { id: string };
      const file = path.join(host.ctx.paths.userData, 'runs', id, 'run.json');
      void readFile(file, 'utf8').then(
        (text) => {
          if ((JSON.parse(text) as RunRecord).status === 'running') return;
          off();
          resolve(id);
        },
        () => undefined,
      );
    });
  });
}

function logistic(epochs: number): ModelSpec {
  const spec = structuredClone(PRESETS.find((p) => p.id === 'logistic-regression')!.spec);
  spec.compile.epochs = epochs;
  return spec;
}

let home: string;
let userData: string;
let host: Host;
let firstId: string;
let secondId: string;

describe('lab notebook (host)', () => {
  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-runs-host-'));
    userData = path.join(home, 'user');
    host = await makeHost(userData);
    await host.call('dataset:open-sample');
  });
  afterAll(async () => {
    host?.ctx.session.training?.dispose();
    await rm(home, { recursive: true, force: true });
  });

  it('starts with no runs and the guided first run not done', async () => {
    expect(await host.call('runs:list')).toEqual([]);
    expect(await host.call('runs:tour-state')).toEqual({ done: false });
  });

  it('records a finished run by itself: spec, letters, history, accuracies, model folder', async () => {
    const recorded = nextRecorded(host);
    const started = await host.call('training:start', { spec: logistic(3), seed: 3 });
    expect(started.runId).not.toBeNull();
    firstId = await recorded;
    expect(firstId).toBe(started.runId);

    const final = host.ctx.session.training!.snapshot();
    expect(final.status).toBe('finished');
    const file = path.join(userData, 'runs', firstId, 'run.json');
    const record = JSON.parse(await readFile(file, 'utf8')) as RunRecord;
    const info = host.ctx.session.dataset!.info;
    expect(record).toMatchObject({
      version: 1,
      id: firstId,
      name: 'Logistic regression',
      starred: false,
      status: 'finished',
      backend: final.backend,
      params: 7850,
      savedEpoch: 3,
      compile: { optimizer: 'sgd', epochs: 3, batchSize: 128 },
      dataset: {
        label: info.label,
        fingerprint: info.fingerprint,
        splitSeed: info.split.seed,
        train: info.split.train,
        test: info.split.test,
      },
    });
    expect(record.spec).toEqual(final.spec);
    expect(record.history).toEqual(final.history);
    const valAccs = final.history.map((h) => h.valAcc!);
    expect(record.finalValAcc).toBe(valAccs[2]);
    expect(record.bestValAcc).toBe(Math.max(...valAccs));
    expect(record.seconds).toBeGreaterThan(0);

    const [entry] = await host.call('runs:list');
    expect(entry.id).toBe(firstId);
    expect(entry.modelDir).toBe(path.join(userData, 'runs', firstId, 'model'));
    expect((await stat(path.join(entry.modelDir!, 'model.json'))).isFile()).toBe(true);
    expect(entry.verdict?.text.en).toMatch(/\S/);
    expect(entry.verdict?.text.pl).toMatch(/\S/);
  });

  it('training more epochs of the same run updates its record', async () => {
    await host.call('runs:update', { id: firstId, name: '  My first  ', starred: true });
    const recorded = nextRecorded(host);
    await host.call('training:more', { epochs: 1 });
    expect(await recorded).toBe(firstId);
    const list = await host.call('runs:list');
    expect(list).toHaveLength(1);
    expect(list[0].record).toMatchObject({ name: 'My first', starred: true, savedEpoch: 4 });
    expect(list[0].record!.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4]);
  });

  it('records a second run and compares the two in plain words', async () => {
    const recorded = nextRecorded(host);
    const spec = logistic(2);
    spec.compile.learningRate = 0.05;
    await host.call('training:start', { spec, seed: 4 });
    secondId = await recorded;
    const list = await host.call('runs:list');
    expect(list.map((e) => e.id)).toEqual([secondId, firstId]);
    expect(list[0].verdict?.kind).toBe('too-short');

    const en = await host.call('runs:compare', { ids: [secondId, firstId], lang: 'en' });
    expect(en.rows.map((r) => r.id)).toEqual([firstId, secondId]);
    expect(en.rows.map((r) => r.epochs)).toEqual([4, 2]);
    expect(en.sameData).toBe(true);
    expect(en.changes[0].changes.map((c) => c.text)).toEqual([
      'learning rate 0.01 → 0.05',
      'epochs 3 → 2',
    ]);
    const pl = await host.call('runs:compare', { ids: [firstId, secondId], lang: 'pl' });
    expect(pl.changes[0].changes.map((c) => c.text)).toEqual([
      'tempo uczenia: 0,01 → 0,05',
      'liczba epok: 3 → 2',
    ]);
  });

  it('refuses bad requests with a reason', async () => {
    expect((await host.fail('runs:compare', { ids: [], lang: 'en' })).message).toMatch(
      /pick at least one run/,
    );
    expect(
      (await host.fail('runs:compare', { ids: [firstId, firstId], lang: 'en' })).message,
    ).toMatch(/picked once/);
    expect((await host.fail('runs:compare', { ids: [firstId, 'nope'], lang: 'en' })).code).toBe(
      'runs.not-found',
    );
    expect((await host.fail('runs:delete', { id: '../settings.json' })).code).toBe(
      'api.bad-request',
    );
    expect((await host.fail('runs:update', { id: firstId, name: '   ' })).message).toMatch(
      /give the run a name/,
    );
  });

  it('a new host over the same folder (a restart) lists the same runs; damaged ones with a problem', async () => {
    await host.call('runs:update', { id: secondId, note: 'Bigger steps: does it learn faster?' });
    await writeFile(path.join(userData, 'runs', firstId, 'run.json'), '{"version": 1, "id": ');
    const restarted = await makeHost(userData);
    try {
      const list = await restarted.call('runs:list');
      expect(list.map((e) => e.id)).toEqual([secondId, firstId]);
      expect(list[0].record?.note).toBe('Bigger steps: does it learn faster?');
      expect(list[1].record).toBeNull();
      expect(list[1].problem).toMatch(/run\.json is not valid JSON/);
      expect(list[1].modelDir).not.toBeNull();
      const error = await restarted.fail('runs:compare', { ids: [firstId, secondId], lang: 'en' });
      expect(error.code).toBe('runs.corrupt');
    } finally {
      restarted.ctx.session.training?.dispose();
    }
  });

  it('deletes a run with its folder, and refuses to delete the run that is training', async () => {
    await host.call('runs:delete', { id: firstId });
    expect(await readdir(path.join(userData, 'runs'))).toEqual([secondId]);
    expect((await host.fail('runs:delete', { id: firstId })).code).toBe('runs.not-found');

    const recorded = nextRecorded(host);
    const started = await host.call('training:start', { spec: logistic(1), seed: 5 });
    const error = await host.fail('runs:delete', { id: started.runId! });
    expect(error.code).toBe('runs.busy');
    expect(await recorded).toBe(started.runId);
  });

  it('keeps the guided first run done across a restart', async () => {
    expect(await host.call('runs:tour-done', { done: true })).toEqual({ done: true });
    const restarted = await makeHost(userData);
    expect(await restarted.call('runs:tour-state')).toEqual({ done: true });
    expect(await restarted.call('runs:tour-done', { done: false })).toEqual({ done: false });
  });
});
