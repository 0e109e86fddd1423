// The evaluation channels on a real host context: the sample letters (or notMNIST) opened by the
// dataset service, real saved networks loaded by the model cache, requests through the registry.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as tfl from '@tensorflow/tfjs-layers';
import type {
  EvaluatedLetters,
  EvaluationStatus,
  EvaluationSummary,
} from '../../src-main/contract/evaluation';
import type { Result } from '../../src-main/contract/errors';
import type { HostContext } from '../../src-main/host/context';
import { DatasetService } from '../../src-main/host/dataset';
import { setupEvaluation } from '../../src-main/host/evaluation';
import { ApiRegistry } from '../../src-main/host/registry';
import {
  LETTERS_MAT,
  predictDirectly,
  saveTrained,
  tinyConvSpec,
  trainTiny,
} from '../core/evaluation/trained';
import { makeHostContext, webPlatformWithoutTrainer } from '../helpers/host';

let home: string;
let ctx: HostContext;
let registry: ApiRegistry;
let datasets: DatasetService;
let model: tfl.LayersModel;
let direct: ReturnType<typeof predictDirectly>;
const dirA = () => path.join(home, 'models', 'a');
const dirB = () => path.join(home, 'models', 'b');
const dirOld = () => path.join(home, 'models', 'old');

async function call<T>(channel: string, payload?: unknown): Promise<Result<T>> {
  return (await registry.dispatch(channel, payload)) as Result<T>;
}

async function value<T>(channel: string, payload?: unknown): Promise<T> {
  const result = await call<T>(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function errorCode(channel: string, payload?: unknown): Promise<string> {
  const result = await call(channel, payload);
  if (result.ok) throw new Error(`${channel} did not fail`);
  return result.error.code;
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-eval-'));
  ctx = await makeHostContext(
    home,
    webPlatformWithoutTrainer('these tests do not train through the host'),
  );
  registry = new ApiRegistry();
  setupEvaluation(registry, ctx);
  datasets = new DatasetService(ctx);
  const info = await datasets.open(LETTERS_MAT, 'file');
  const set = ctx.session.dataset!.set;
  model = await trainTiny(set);
  direct = predictDirectly(model, set);
  const spec = tinyConvSpec();
  const notebookSplit = { testFraction: 0.2, split: 'sklearn' } as const;
  const refA = { fingerprint: info.fingerprint, splitSeed: 42, ...notebookSplit };
  await saveTrained(dirA(), model, spec, refA, 'A');
  const other = await trainTiny(set, spec, 99);
  const refB = { fingerprint: 'f'.repeat(64), splitSeed: 7, ...notebookSplit };
  await saveTrained(dirB(), other, spec, refB, 'B');
  // A saved before Letter Lab used the notebook's split (no method recorded).
  await saveTrained(dirOld(), model, spec, { fingerprint: info.fingerprint, splitSeed: 42 }, 'Old');
  other.dispose();
});

afterAll(() => {
  model?.dispose();
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

describe('evaluation channels', () => {
  let summary: EvaluationSummary;

  it('say plainly that there is no network or evaluation yet', async () => {
    const status = await value<EvaluationStatus>('evaluation:status');
    expect(status).toMatchObject({ modelAvailable: false, running: false, last: null });
    expect(await errorCode('evaluation:run')).toBe('model.not-found');
    expect(await errorCode('evaluation:cell', { true: 0, predicted: 0, limit: 5 })).toBe(
      'evaluation.none',
    );
    expect(await errorCode('evaluation:mistakes', { limit: 5 })).toBe('evaluation.none');
  });

  it('run: the numbers of a direct prediction, with progress while it runs', async () => {
    ctx.session.models!.choose(dirA());
    const running = value<EvaluationSummary>('evaluation:run');
    const statuses: EvaluationStatus[] = [];
    let finished = false;
    void running.finally(() => (finished = true));
    while (!finished) {
      statuses.push(await value<EvaluationStatus>('evaluation:status'));
      await nextTurn();
    }
    summary = await running;

    const set = ctx.session.dataset!.set;
    const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
    direct.labels.forEach((t, k) => confusion[t][direct.predicted[k]]++);
    const correct = direct.labels.filter((t, k) => t === direct.predicted[k]).length;
    expect(summary.confusion).toEqual(confusion);
    expect(summary.correct).toBe(correct);
    expect(summary.accuracy).toBe(correct / set.test.length);
    expect(summary.perClass.map((c) => c.accuracy)).toEqual(
      confusion.map((row, i) => row[i] / row.reduce((a, b) => a + b, 0)),
    );
    expect(summary).toMatchObject({
      classNames: set.classNames,
      model: { name: 'A', source: 'saved', epochs: 1 },
      split: { seed: 42, testFraction: 0.2 },
      sameDataset: true,
      sameSplit: true,
    });

    const during = statuses.filter((s) => s.running);
    expect(during.length).toBeGreaterThan(0);
    for (const s of during) {
      expect(s.total).toBe(set.test.length);
      expect(s.done).toBeGreaterThanOrEqual(0);
      expect(s.done).toBeLessThanOrEqual(s.total);
    }
    const after = await value<EvaluationStatus>('evaluation:status');
    expect(after).toMatchObject({ running: false, modelAvailable: true, lastIsCurrent: true });
    expect(after.last?.key).toBe(summary.key);
  });

  it('answers again from its cache while nothing changed', async () => {
    const [again, twice] = await Promise.all([
      value<EvaluationSummary>('evaluation:run'),
      value<EvaluationSummary>('evaluation:run'),
    ]);
    expect(again).toEqual(summary);
    expect(twice).toEqual(summary);
  });

  it('cell: exactly the letters counted in that cell, most confident first, with their pixels', async () => {
    const set = ctx.session.dataset!.set;
    let total = 0;
    for (let t = 0; t < 10; t++) {
      for (let p = 0; p < 10; p++) {
        const cell = await value<EvaluatedLetters>('evaluation:cell', {
          true: t,
          predicted: p,
          limit: 200,
        });
        expect(cell.key).toBe(summary.key);
        expect(cell.total).toBe(summary.confusion[t][p]);
        expect(cell.items).toHaveLength(Math.min(200, cell.total));
        const confidences = cell.items.map((i) => i.confidence);
        expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
        for (const item of cell.items) {
          expect(item).toMatchObject({ label: t, predicted: p, test: true });
          expect(set.labels[item.index]).toBe(t);
          expect(set.test).toContain(item.index);
          const k = Array.from(set.test).indexOf(item.index);
          expect(direct.predicted[k]).toBe(p);
          expect(item.confidence).toBeCloseTo(direct.confidence[k], 5);
        }
        total += cell.total;
      }
    }
    expect(total).toBe(summary.count);
    const limited = await value<EvaluatedLetters>('evaluation:cell', {
      true: 0,
      predicted: 0,
      limit: 3,
    });
    expect(limited.items).toHaveLength(Math.min(3, summary.confusion[0][0]));
    const first = limited.items[0];
    const size = set.height * set.width;
    expect(first.pixels).toEqual(
      Array.from(set.images.subarray(first.index * size, (first.index + 1) * size), (v) =>
        Math.round(v * 255),
      ),
    );
  });

  it('mistakes: the wrong answers the network was surest about', async () => {
    const mistakes = await value<EvaluatedLetters>('evaluation:mistakes', { limit: 12 });
    expect(mistakes.total).toBe(summary.count - summary.correct);
    expect(mistakes.items).toHaveLength(Math.min(12, mistakes.total));
    for (const item of mistakes.items) {
      expect(item.predicted).not.toBe(item.label);
      expect(item.truthProbability).toBeLessThanOrEqual(item.confidence);
    }
    const surest = Math.max(
      ...direct.labels.flatMap((t, k) => (t === direct.predicted[k] ? [] : [direct.confidence[k]])),
    );
    expect(mistakes.items[0].confidence).toBeCloseTo(surest, 5);
    // Every mistake shown is counted in its off-diagonal cell.
    const perCell = new Map<string, number>();
    for (const item of mistakes.items) {
      const cell = `${item.label},${item.predicted}`;
      perCell.set(cell, (perCell.get(cell) ?? 0) + 1);
    }
    for (const [cell, n] of perCell) {
      const [t, p] = cell.split(',').map(Number);
      expect(n).toBeLessThanOrEqual(summary.confusion[t][p]);
    }
  });

  it('refuses bad requests with a clear message', async () => {
    const outside = await call('evaluation:cell', { true: 10, predicted: 0, limit: 5 });
    expect(outside.ok).toBe(false);
    if (!outside.ok) {
      expect(outside.error.code).toBe('api.bad-request');
      expect(outside.error.message).toMatch(/no cell \(10, 0\).*0 to 9/);
    }
    expect(await errorCode('evaluation:cell', { true: 0, predicted: 0, limit: 0 })).toBe(
      'api.bad-request',
    );
    expect(await errorCode('evaluation:mistakes', { limit: 201 })).toBe('api.bad-request');
    expect(await errorCode('evaluation:mistakes', { limit: 5, key: 'nope' })).toBe(
      'evaluation.none',
    );
  });

  it('notices another network, keeps the earlier evaluation, and flags other letters or splits', async () => {
    ctx.session.models!.choose(dirB());
    const status = await value<EvaluationStatus>('evaluation:status');
    expect(status.lastIsCurrent).toBe(false);
    expect(status.last?.key).toBe(summary.key);
    const b = await value<EvaluationSummary>('evaluation:run');
    expect(b.key).not.toBe(summary.key);
    expect(b).toMatchObject({ model: { name: 'B' }, sameDataset: false, sameSplit: false });
    const oldCell = await value<EvaluatedLetters>('evaluation:cell', {
      true: 1,
      predicted: 1,
      limit: 1,
      key: summary.key,
    });
    expect(oldCell.total).toBe(summary.confusion[1][1]);
    const newCell = await value<EvaluatedLetters>('evaluation:cell', {
      true: 1,
      predicted: 1,
      limit: 1,
    });
    expect(newCell).toMatchObject({ key: b.key, total: b.confusion[1][1] });
  });

  it('forgets evaluations of a split that is gone, and needs open letters', async () => {
    datasets.resplit(7, 0.2);
    const status = await value<EvaluationStatus>('evaluation:status');
    expect(status.last).toBeNull();
    expect(await errorCode('evaluation:mistakes', { limit: 5, key: summary.key })).toBe(
      'evaluation.none',
    );
    const resplit = await value<EvaluationSummary>('evaluation:run');
    expect(resplit.split.seed).toBe(7);
    // B was trained with split seed 7, but on another letters file.
    expect(resplit).toMatchObject({ sameDataset: false, sameSplit: false });
    ctx.session.models!.choose(dirA());
    expect(await value<EvaluationSummary>('evaluation:run')).toMatchObject({
      sameSplit: false,
      oldSplit: false,
    });
    datasets.resplit(42, 0.1);
    // A smaller test share of the same seed: letters A never learned from.
    expect((await value<EvaluationSummary>('evaluation:run')).sameSplit).toBe(true);
    datasets.resplit(42, 0.2);
    ctx.session.models!.choose(dirOld());
    const old = await value<EvaluationSummary>('evaluation:run');
    expect(old).toMatchObject({
      model: { name: 'Old' },
      sameDataset: true,
      sameSplit: false,
      oldSplit: true,
    });
    ctx.session.dataset = null;
    expect(await errorCode('evaluation:run')).toBe('training.no-dataset');
  });
});
