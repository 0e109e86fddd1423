// My letters through the real API of a whole host (browser mode's, with a real training process):
// keeping letters as the drawing pad does, relabelling and deleting them, the file on disk after
// every change, opening it in the Letters tab, exporting it, the class file merged from campers'
// files, evaluating the network in use on every letter, and teaching it in a new, recorded run.
import { readFile, readdir, rm, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeptLetter, LettersCollection } from '../../src-main/contract/letters';
import type { RunRecord } from '../../src-main/contract/runs';
import type { ModelSpec } from '../../src-main/contract/spec';
import type { TrainingState } from '../../src-main/contract/training-api';
import { loadDataset } from '../../src-main/core/dataset/load';
import {
  encodeLetters,
  isHeldBack,
  makeLetter,
  readLettersFile,
} from '../../src-main/core/letters';
import { readModelMeta } from '../../src-main/core/model';
import { PRESETS } from '../../src-main/core/spec';
import { bootHost } from '../../src-main/host/boot';
import type { HostContext } from '../../src-main/host/context';
import { forkNodeTrainer } from '../../src-main/host/trainer-connection';
import { hostCalls, type HostCalls } from '../helpers/host';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE_MAT = path.join(ROOT, 'resources/sample/sample-letters.mat');
let home: string;
let ctx: HostContext;
let host: HostCalls;
/** Sample letters turned left to right: pictures no font drew, with their true labels. */
let mirrored: { pixels: number[]; label: number }[];

function mirror(levels: Float32Array, at: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < 28; r++) {
    for (let c = 0; c < 28; c++) out.push(Math.round(levels[at + r * 28 + (27 - c)] * 255));
  }
  return out;
}

function logistic(epochs: number): ModelSpec {
  const spec = structuredClone(PRESETS.find((p) => p.id === 'logistic-regression')!.spec);
  spec.compile.epochs = epochs;
  return spec;
}

function omitName<T extends { name: string }>(camper: T): Omit<T, 'name'> {
  const { name: _name, ...rest } = camper;
  return rest;
}

async function settled(): Promise<TrainingState> {
  for (;;) {
    const state = await host.call('training:state');
    if (!['starting', 'running', 'stopping', 'paused'].includes(state.status)) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-letters-host-'));
  ({ ctx } = await bootHost({
    platform: { mode: 'web', forkTrainer: forkNodeTrainer },
    paths: { userData: home, resources: path.join(ROOT, 'resources') },
    initialDatasetPath: SAMPLE_MAT,
    backend: 'wasm',
  }).then((booted) => {
    host = hostCalls(booted.registry);
    return booted;
  }));
  await host.call('dataset:current');
  const { set } = await loadDataset(SAMPLE_MAT, { fingerprint: false });
  const byClass: number[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < set.count; i++) byClass[set.labels[i]].push(i);
  // A, B, …, J, A, B, …: every class in every ten.
  mirrored = Array.from({ length: 60 }, (_, i) => {
    const index = byClass[i % 10][Math.floor(i / 10) * 7];
    return { pixels: mirror(set.images, index * 784), label: set.labels[index] };
  });
});

afterAll(async () => {
  ctx?.session.training?.dispose();
  await rm(home, { recursive: true, force: true });
});

describe('my letters (host)', () => {
  let collection: LettersCollection;

  it('starts empty and keeps each letter in the file before answering', async () => {
    collection = await host.call('letters:mine');
    expect(collection).toMatchObject({ count: 0, fileName: 'my-letters.mat', heldBack: 0 });
    const events: unknown[] = [];
    const off = ctx.events.subscribe((event, payload) => {
      if (event === 'letters:changed') events.push(payload);
    });
    for (const letter of mirrored.slice(0, 50)) {
      const { collection: now, added } = await host.call('letters:add', letter);
      expect(added.pixels).toEqual(letter.pixels);
      expect((await readLettersFile(now.path, 1000)).length).toBe(now.count);
      collection = now;
    }
    off();
    expect(events).toHaveLength(50);
    expect(collection.count).toBe(50);
    expect(collection.countsPerClass.reduce((a, b) => a + b, 0)).toBe(50);
    expect(collection.heldBack).toBe(collection.letters.filter((l) => l.heldBack).length);
    expect(collection.letters.every((l) => l.heldBack === isHeldBack(l.id))).toBe(true);
  });

  it('refuses a second copy of a picture and bad input with clear errors', async () => {
    const again = await host.fail('letters:add', mirrored[0]);
    expect(again.code).toBe('letters.duplicate');
    expect((await host.fail('letters:add', { ...mirrored[51], label: 10 })).code).toBe(
      'api.bad-request',
    );
    const short = { pixels: mirrored[51].pixels.slice(1), label: 1 };
    expect((await host.fail('letters:add', short)).code).toBe('api.bad-request');
  });

  it('relabels and deletes letters, on disk too', async () => {
    const [first, second] = collection.letters as [KeptLetter, KeptLetter];
    const relabelled = await host.call('letters:relabel', { id: first.id, label: 9 });
    expect(relabelled.letters[0].label).toBe(9);
    const deleted = await host.call('letters:delete', { id: second.id });
    expect(deleted.count).toBe(49);
    const onDisk = await readLettersFile(deleted.path, 1000);
    expect(onDisk[0].label).toBe(9);
    expect(onDisk.some((l) => l.id === second.id)).toBe(false);
    await host.call('letters:relabel', { id: first.id, label: mirrored[0].label });
    expect((await host.fail('letters:delete', { id: second.id })).code).toBe('letters.not-found');
  });

  it('opens in the Letters tab like any letters file, and exports a copy with the camper’s name', async () => {
    const info = await host.call('letters:open', { which: 'mine' });
    expect(info).toMatchObject({ label: 'My letters', count: 49, classes: 10 });
    await host.call('dataset:open-sample');
    const exported = await host.call('letters:export', { which: 'mine', camper: 'Zosia' });
    expect(exported).toMatchObject({ chosen: false });
    expect(exported!.path).toBe(path.join(home, 'exports', 'zosia-letters.mat'));
    const letters = await readLettersFile(exported!.path, 1000);
    expect(letters).toHaveLength(49);
    expect(new Set(letters.map((l) => l.camper))).toEqual(new Set(['Zosia']));
    const second = await host.call('letters:export', { which: 'mine', camper: 'Zosia' });
    expect(second!.path).toBe(path.join(home, 'exports', 'zosia-letters-2.mat'));
  });

  it('merges campers’ files into the class file: duplicates refused, counts per camper', async () => {
    const zosia = await readFile(path.join(home, 'exports', 'zosia-letters.mat'));
    const kuba = encodeLetters(
      mirrored.slice(50, 60).map((l) => makeLetter(Uint8Array.from(l.pixels), l.label, null)),
    );
    const first = await host.call('letters:class-add', { name: 'zosia-letters.mat', bytes: zosia });
    expect(first).toMatchObject({ added: 49, duplicates: 0 });
    const second = await host.call('letters:class-add', { name: 'Kuba.mat', bytes: kuba });
    expect(second).toMatchObject({ added: 10, duplicates: 0 });
    const again = await host.call('letters:class-add', { name: 'zosia-letters.mat', bytes: zosia });
    expect(again).toMatchObject({ added: 0, duplicates: 49 });
    expect(again.files[0].campers).toEqual([{ name: 'Zosia', added: 0, duplicates: 49 }]);
    expect(again.summary.campers).toEqual([
      { name: 'Zosia', count: 49 },
      { name: 'Kuba', count: 10 },
    ]);
    const bad = await host.fail('letters:class-add', { name: 'x.mat', bytes: new Uint8Array(9) });
    expect(bad.code).toBe('mat.not-mat');
    const reset = await host.call('letters:class-reset');
    expect(reset.count).toBe(0);
    const kept = (await readdir(path.join(home, 'my-letters'))).filter((n) =>
      n.startsWith('class'),
    );
    expect(kept.sort()).toHaveLength(2);
  });

  it('says there is no network to check before one is trained', async () => {
    expect((await host.fail('letters:evaluate', { target: 'mine' })).code).toBe('model.not-found');
  });

  it('evaluates the network in use on every letter, beside the font test part', async () => {
    await host.call('training:start', { spec: logistic(2), seed: 1 });
    expect((await settled()).status).toBe('finished');
    const result = await host.call('letters:evaluate', { target: 'mine' });
    expect(result.count).toBe(49);
    expect(result.confusion.flat().reduce((a, b) => a + b, 0)).toBe(49);
    expect(result.heldBack.count).toBe(collection.letters.filter((l) => l.heldBack).length - 0);
    expect(result.fonts).not.toBeNull();
    const fonts = await host.call('evaluation:run');
    expect(result.fonts!.accuracy).toBe(fonts.accuracy);
    const mistakes = await host.call('letters:evaluation-mistakes', { key: result.key, limit: 5 });
    expect(mistakes.total).toBe(result.count - result.correct);
    const open = await host.call('letters:evaluate', { target: 'open' });
    expect(open.count).toBe(ctx.session.dataset!.set.count);
    expect(open.heldBack.count).toBe(ctx.session.dataset!.set.test.length);
  });

  it('checks the class letters per camper and on the others’ handwriting apart', async () => {
    const zosia = await readFile(path.join(home, 'exports', 'zosia-letters.mat'));
    const kuba = encodeLetters(
      mirrored.slice(50, 60).map((l) => makeLetter(Uint8Array.from(l.pixels), l.label, 'Kuba')),
    );
    await host.call('letters:class-add', { name: 'zosia-letters.mat', bytes: zosia });
    await host.call('letters:class-add', { name: 'kuba.mat', bytes: kuba });
    const result = await host.call('letters:evaluate', { target: 'class' });
    expect(result.count).toBe(59);
    expect(result.campers?.map((c) => [c.name, c.count])).toEqual([
      ['Zosia', 49],
      ['Kuba', 10],
    ]);
    expect(result.campers!.reduce((sum, c) => sum + c.correct, 0)).toBe(result.correct);
    // Zosia's letters are this camper's own collection: the others' are Kuba's.
    expect(result.others).toEqual(omitName(result.campers![1]));
    expect((await host.call('letters:evaluate', { target: 'mine' })).campers).toBeUndefined();
    await host.call('letters:class-reset');
  });

  it('never calls a collection open in the Letters tab the printed letters, nor teaches with it', async () => {
    await host.call('letters:open', { which: 'mine' });
    const result = await host.call('letters:evaluate', { target: 'mine' });
    expect(result.count).toBe(49);
    expect(result.fonts).toBeNull();
    const refused = await host.fail('letters:teach', {
      which: 'mine',
      mode: 'mixed',
      share: 0.25,
      epochs: 1,
    });
    expect(refused).toMatchObject({
      code: 'training.no-dataset',
      messageKey: 'letters.error.fontsNeeded',
      params: { file: 'my-letters.mat' },
    });
    expect(refused.message).toMatch(/my-letters\.mat open.*sample letters/);
    await host.call('dataset:open-sample');
    expect((await host.call('letters:evaluate', { target: 'mine' })).fonts).not.toBeNull();
  });

  it('teaches it in a new run from the network in use, recorded with before and after', async () => {
    const before = ctx.session.training!.snapshot();
    const recorded = new Promise<string>((resolve) => {
      const off = ctx.events.subscribe((event, payload) => {
        if (event === 'runs:changed') {
          off();
          resolve((payload as { id: string }).id);
        }
      });
    });
    const started = await host.call('letters:teach', {
      which: 'mine',
      mode: 'mixed',
      share: 0.25,
      epochs: 2,
    });
    expect(started.runId).not.toBe(before.runId);
    expect(started.teaching?.plan).toMatchObject({ mode: 'mixed', share: 0.25 });
    const done = await settled();
    expect(done.status).toBe('finished');
    expect(done.history).toHaveLength(2);
    const teaching = done.teaching!;
    expect(teaching.before!.heldBack.count).toBe(teaching.letters.heldBack);
    expect(teaching.after!.heldBack.count).toBe(teaching.letters.heldBack);
    expect(teaching.before!.fonts!.count).toBe(ctx.session.dataset!.set.test.length);
    expect(teaching.fonts).toMatchObject({ train: ctx.session.dataset!.set.train.length });
    // The per-epoch check is on the held-back letters.
    expect(done.history[1].valAcc).toBeCloseTo(teaching.after!.heldBack.accuracy, 6);
    const id = await recorded;
    expect(id).toBe(started.runId);
    const runDir = path.join(home, 'runs', id);
    const readRecord = async () =>
      JSON.parse(await readFile(path.join(runDir, 'run.json'), 'utf8')) as RunRecord;
    // The record is written from the run's start and gets its end a moment after the state does.
    await expect
      .poll(async () => (await readRecord()).status, { timeout: 30_000 })
      .toBe('finished');
    const record = await readRecord();
    expect(record.teaching).toEqual(teaching);
    expect(record.name).toMatch(/\+ my letters$/);
    // The letters it learned from are kept with the run, and its network says it was taught.
    const copy = await readLettersFile(path.join(runDir, 'taught-letters.mat'), 1000);
    expect(copy.map((l) => l.id)).toEqual(
      collection.letters.filter((_, i) => i !== 1).map((l) => l.id),
    );
    const meta = await readModelMeta(path.join(runDir, 'model'));
    expect(meta.teaching).toMatchObject({ lettersFile: 'My letters', mode: 'mixed' });
    // Its test accuracy is the one on the font letters' test part, not on the held-back letters.
    expect(meta.accuracy).toBeCloseTo(teaching.after!.fonts!.accuracy, 6);
    // Training more keeps the same letters: the held-back measure counts the same letters.
    await host.call('letters:add', mirrored[55]);
    await host.call('training:more', { epochs: 1 });
    const more = await settled();
    expect(more.teaching!.after!.heldBack.count).toBe(teaching.after!.heldBack.count);
    expect(more.teaching!.before).toEqual(teaching.before);
  });

  it('a teaching run stopped in the middle of an epoch measures the network it keeps', async () => {
    // Batches of 9: hundreds per epoch, so the stop lands inside an epoch.
    const small = logistic(1);
    small.compile.batchSize = 9;
    await host.call('training:start', { spec: small, seed: 2 });
    expect((await settled()).status).toBe('finished');
    const inEpoch2 = new Promise<void>((resolve) => {
      const off = ctx.events.subscribe((event, payload) => {
        const { progress } = payload as { progress?: { epoch: number; batch: number } };
        if (event === 'training:batch' && progress!.epoch === 2 && progress!.batch >= 3) {
          off();
          resolve();
        }
      });
    });
    const started = await host.call('letters:teach', {
      which: 'mine',
      mode: 'mixed',
      share: 0.25,
      epochs: 3,
    });
    await inEpoch2;
    await host.call('training:pause');
    await expect.poll(async () => (await host.call('training:state')).status).toBe('paused');
    // Paused: the last full epoch's autosave is on disk, and a stop must leave it as it is.
    const weights = path.join(home, 'runs', started.runId!, 'model', 'weights.bin');
    const keptWeights = await readFile(weights);
    await host.call('training:stop');
    const state = await settled();
    expect(await readFile(weights)).toEqual(keptWeights);
    expect(state.status).toBe('stopped');
    const kept = state.history.length;
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(state.stoppedAt?.epoch).toBe(kept + 1);
    // "After" is the network as it was after the last full epoch: the one saved, whose check on
    // the held-back letters is that epoch's, and whose test accuracy is the saved one.
    const after = state.teaching!.after!;
    expect(after.heldBack.accuracy).toBeCloseTo(state.history[kept - 1].valAcc!, 6);
    const meta = await readModelMeta(path.join(home, 'runs', started.runId!, 'model'));
    expect(meta.history).toHaveLength(kept);
    expect(meta.accuracy).toBeCloseTo(after.fonts!.accuracy, 6);
    await expect
      .poll(async () => {
        const file = path.join(home, 'runs', started.runId!, 'run.json');
        return (JSON.parse(await readFile(file, 'utf8')) as RunRecord).status;
      })
      .toBe('stopped');
  });

  it('refuses to teach with too few letters, naming what is missing', async () => {
    for (const letter of (await host.call('letters:mine')).letters.slice(3)) {
      await host.call('letters:delete', { id: letter.id });
    }
    const refused = await host.fail('letters:teach', {
      which: 'mine',
      mode: 'only',
      share: 0.25,
      epochs: 1,
    });
    expect(refused.code).toBe('letters.too-few');
    expect(refused.message).toMatch(/Of your 3 letters/);
  });
});
