// A run only ever trains and validates on the letters it started with, and a stop in the middle
// of an epoch keeps the network as it was after its last full epoch. Through the real API
// registry, with real training processes on the bundled sample letters and a second real letters
// file (half of the sample's letters, so another fingerprint).
import { readFile, readdir, rm, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventMap } from '../../src-main/contract/api';
import type { RunRecord } from '../../src-main/contract/runs';
import type { ModelSpec } from '../../src-main/contract/spec';
import type { TrainingState } from '../../src-main/contract/training-api';
import { PRESETS } from '../../src-main/core/spec';
import type { HostContext } from '../../src-main/host/context';
import { setupDataset } from '../../src-main/host/dataset';
import { ApiRegistry } from '../../src-main/host/registry';
import { setupModels } from '../../src-main/host/models';
import { setupRuns } from '../../src-main/host/runs';
import { forkNodeTrainer } from '../../src-main/host/trainer-connection';
import { setupTraining } from '../../src-main/host/training';
import { hostCalls, makeHostContext, type HostCalls } from '../helpers/host';
import { sampleSubsetMat } from '../helpers/letters-file';

interface Host extends HostCalls {
  ctx: HostContext;
}

const ENDED = ['finished', 'stopped', 'failed', 'crashed'];
const BATCH = 9;

/** Resolves with the first `event` payload that passes `test`. */
function next<E extends EventName>(
  host: Host,
  event: E,
  test: (payload: EventMap[E]) => boolean = () => true,
): Promise<EventMap[E]> {
  return new Promise((resolve) => {
    const off = host.ctx.events.subscribe((name, payload) => {
      if (name === event && test(payload as EventMap[E])) {
        off();
        resolve(payload as EventMap[E]);
      }
    });
  });
}

const ended = (host: Host) =>
  next(host, 'training:state', (s: TrainingState) => ENDED.includes(s.status));
/** The id of the next run whose end is recorded (run.json is also written while it trains). */
function recorded(host: Host): Promise<{ id: string }> {
  return new Promise((resolve) => {
    const off = host.ctx.events.subscribe((event, payload) => {
      if (event !== 'runs:changed') return;
      const { id } = payload as { id: string };
      const file = path.join(host.ctx.paths.userData, 'runs', id, 'run.json');
      void readFile(file, 'utf8').then(
        (text) => {
          if ((JSON.parse(text) as RunRecord).status === 'running') return;
          off();
          resolve({ id });
        },
        () => undefined,
      );
    });
  });
}

function logistic(epochs: number, batchSize = 128): ModelSpec {
  const spec = structuredClone(PRESETS.find((p) => p.id === 'logistic-regression')!.spec);
  spec.compile = { ...spec.compile, epochs, batchSize };
  return spec;
}

let home: string;
let userData: string;
let host: Host;

describe('a run keeps its own letters (host)', () => {
  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-run-letters-'));
    userData = path.join(home, 'user');
    const ctx = await makeHostContext(userData, { mode: 'web', forkTrainer: forkNodeTrainer });
    const registry = new ApiRegistry();
    setupDataset(registry, ctx);
    setupTraining(registry, ctx);
    setupRuns(registry, ctx, setupModels(registry, ctx));
    host = { ctx, ...hostCalls(registry) };
  });
  afterAll(async () => {
    host?.ctx.session.training?.dispose();
    await rm(home, { recursive: true, force: true });
  });

  it('refuses "train more" on other letters, reopens the run’s letters, then trains on', async () => {
    const sample = await host.call('dataset:open-sample');
    const done = ended(host);
    const started = await host.call('training:start', { spec: logistic(1), seed: 1 });
    expect(started.dataset).toMatchObject({
      label: sample.label,
      fingerprint: sample.fingerprint,
      splitSeed: 42,
      train: sample.split.train,
      test: sample.split.test,
    });
    expect((await done).status).toBe('finished');

    const other = await host.call('dataset:upload', {
      name: 'half-letters.mat',
      bytes: await sampleSubsetMat(2),
    });
    expect(other.fingerprint).not.toBe(sample.fingerprint);
    const refused = await host.fail('training:more', { epochs: 1 });
    expect(refused.code).toBe('training.other-letters');
    expect(refused.message).toContain(`learned from ${sample.label}`);
    expect(refused.message).toContain('half-letters.mat is open now');
    // Nothing started, nothing changed in the run.
    const after = await host.call('training:state');
    expect(after.status).toBe('finished');
    expect(after.history).toHaveLength(1);

    const reopened = await host.call('training:reopen-letters');
    expect(reopened.fingerprint).toBe(sample.fingerprint);
    expect(reopened.source).toBe('sample');
    expect(reopened.split).toMatchObject({ seed: 42, testFraction: 0.2 });
    const more = ended(host);
    const record = recorded(host);
    await host.call('training:more', { epochs: 1 });
    const state = await more;
    expect(state.status).toBe('finished');
    expect(state.history.map((r) => r.epoch)).toEqual([1, 2]);
    const id = (await record).id;
    const run = JSON.parse(
      await readFile(path.join(userData, 'runs', id, 'run.json'), 'utf8'),
    ) as RunRecord;
    expect(run.dataset?.fingerprint).toBe(sample.fingerprint);
    expect(run.history).toHaveLength(2);
  });

  it('refuses "train more" after the split changed, and reopening puts the run’s split back', async () => {
    await host.call('dataset:split', { seed: 7, testFraction: 0.3 });
    const refused = await host.fail('training:more', { epochs: 1 });
    expect(refused.code).toBe('training.other-letters');
    expect(refused.message).toMatch(/split was changed/);
    const reopened = await host.call('training:reopen-letters');
    expect(reopened.split).toMatchObject({ seed: 42, testFraction: 0.2 });
    const state = await host.call('training:state');
    expect(reopened.split.train).toBe(state.dataset?.train);
  });

  it('keeps an uploaded file a run learned from when another is uploaded, to reopen it', async () => {
    const first = await host.call('dataset:upload', {
      name: 'odd-letters.mat',
      bytes: await sampleSubsetMat(2, 1),
    });
    const done = ended(host);
    await host.call('training:start', { spec: logistic(1), seed: 2 });
    expect((await done).status).toBe('finished');
    await host.call('dataset:upload', { name: 'third.mat', bytes: await sampleSubsetMat(3) });
    expect(await readdir(path.join(userData, 'datasets'))).toHaveLength(2);
    expect((await host.fail('training:more', { epochs: 1 })).code).toBe('training.other-letters');
    const reopened = await host.call('training:reopen-letters');
    expect(reopened).toMatchObject({ fingerprint: first.fingerprint, label: 'odd-letters.mat' });
    expect(reopened.source).toBe('upload');
  });
});

describe('a stop in the middle of an epoch (host)', () => {
  let stopHome: string;
  let stopHost: Host;

  beforeAll(async () => {
    stopHome = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-stop-'));
    const ctx = await makeHostContext(path.join(stopHome, 'user'), {
      mode: 'web',
      forkTrainer: forkNodeTrainer,
    });
    const registry = new ApiRegistry();
    setupDataset(registry, ctx);
    setupTraining(registry, ctx);
    setupRuns(registry, ctx, setupModels(registry, ctx));
    stopHost = { ctx, ...hostCalls(registry) };
    await stopHost.call('dataset:open-sample');
  });
  afterAll(async () => {
    stopHost?.ctx.session.training?.dispose();
    await rm(stopHome, { recursive: true, force: true });
  });

  it('keeps the network of the last full epoch: model, history, curve, record and time agree', async () => {
    const h = stopHost;
    // Small batches: hundreds per epoch, so the stop lands inside epoch 2. Batches of 9 leave a
    // last batch of 2800 mod 9 = 1 letter, the kind that spiked the curve.
    const saved = next(h, 'training:state', (s: TrainingState) => s.savedEpoch === 1);
    const inEpoch2 = next(
      h,
      'training:batch',
      ({ progress }) => progress.epoch === 2 && progress.batch >= 3,
    );
    const started = await h.call('training:start', { spec: logistic(3, BATCH), seed: 3 });
    const modelDir = path.join(h.ctx.paths.userData, 'runs', started.runId!, 'model');
    await saved;
    await inEpoch2;
    await h.call('training:pause');
    await next(h, 'training:state', (s: TrainingState) => s.status === 'paused');
    const weightsAtEpoch1 = await readFile(path.join(modelDir, 'weights.bin'));
    const stopped = ended(h);
    const record = recorded(h);
    await h.call('training:stop');
    const state = await stopped;

    expect(state.status).toBe('stopped');
    expect(state.history.map((r) => r.epoch)).toEqual([1]);
    expect(state.savedEpoch).toBe(1);
    const batches = Math.ceil(state.dataset!.train / BATCH);
    expect(state.dataset!.train % BATCH).toBe(1);
    expect(state.stoppedAt).toMatchObject({ epoch: 2, batches });
    expect(state.stoppedAt!.batch).toBeGreaterThanOrEqual(3);
    expect(state.stoppedAt!.batch).toBeLessThan(batches);
    // The curve ends with epoch 1; the model folder still holds epoch 1's weights and history.
    expect(state.batchCurve.at(-1)?.[0]).toBe(batches);
    expect(await readFile(path.join(modelDir, 'weights.bin'))).toEqual(weightsAtEpoch1);
    const meta = JSON.parse(await readFile(path.join(modelDir, 'meta.json'), 'utf8')) as {
      history: unknown[];
      accuracy: number;
    };
    expect(meta.history).toHaveLength(1);
    expect(meta.accuracy).toBe(state.history[0].valAcc);

    await record;
    const run = JSON.parse(
      await readFile(path.join(h.ctx.paths.userData, 'runs', started.runId!, 'run.json'), 'utf8'),
    ) as RunRecord;
    expect(run).toMatchObject({ status: 'stopped', savedEpoch: 1, stoppedAt: state.stoppedAt });
    expect(run.finalValAcc).toBe(state.history[0].valAcc);
    // The time is the kept epoch's, as the Train tab adds it up.
    expect(run.seconds).toBeCloseTo(state.history[0].seconds, 6);

    // Train more starts epoch 2 again from epoch 1's network.
    const more = ended(h);
    const moreRecorded = recorded(h);
    const continued = await h.call('training:more', { epochs: 1 });
    expect(continued.stoppedAt).toBeNull();
    expect(continued.batchCurve.at(-1)?.[0]).toBe(batches);
    const end = await more;
    expect(end.status).toBe('finished');
    expect(end.history.map((r) => r.epoch)).toEqual([1, 2]);
    expect(end.batchCurve.at(-1)?.[0]).toBe(2 * batches);
    // The curve is the epoch's running mean weighted by batch size: at an epoch's last batch (one
    // letter) it is exactly the epoch's training loss and accuracy, with no spike.
    for (const record of end.history) {
      const point = end.batchCurve.find(([g]) => g === record.epoch * batches);
      expect(point).toEqual([record.epoch * batches, record.loss, record.acc]);
      const before = end.batchCurve.find(([g]) => g === record.epoch * batches - 1)!;
      expect(Math.abs(point![1] - before[1])).toBeLessThan(0.01 * before[1]);
    }
    // Its end is recorded too (before the folder is removed).
    expect((await moreRecorded).id).toBe(started.runId);
  });
});
