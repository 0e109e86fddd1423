// Comparing runs of the notebook's presets: the table's numbers and what changed between the
// networks in plain words, in English and in Polish.
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../src-main/contract/runs';
import { buildRecord, compareRuns } from '../../../src-main/core/runs';
import { PRESETS } from '../../../src-main/core/spec';
import { OVERFITTING, STILL_IMPROVING, history, type Row } from './histories';

function run(id: string, preset: string, day: number, rows: Row[] = STILL_IMPROVING): RunRecord {
  const spec = structuredClone(PRESETS.find((p) => p.id === preset)!.spec);
  const startedAt = new Date(Date.UTC(2025, 5, day, 10)).toISOString();
  return buildRecord(
    {
      runId: id,
      spec,
      history: history(rows),
      backend: 'wasm',
      status: 'finished',
      message: null,
      savedEpoch: rows.length,
    },
    {
      startedAt,
      endedAt: startedAt,
      dataset: {
        label: 'S',
        fileName: 's.mat',
        fingerprint: 'f1',
        splitSeed: 42,
        testFraction: 0.2,
        split: 'sklearn',
        train: 80,
        test: 20,
      },
    },
    null,
  );
}

describe('compareRuns', () => {
  it('typical ConvNet → + dense + dropout: added Dense(64) and Dropout(0.5)', () => {
    const c = compareRuns([run('b', 'convnet-dense-dropout', 2), run('a', 'typical-convnet', 1)]);
    expect(c.rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(c.changes).toHaveLength(1);
    expect(c.changes[0]).toMatchObject({ from: 'a', to: 'b' });
    const texts = c.changes[0].changes.map((x) => x.text);
    expect(texts).toContain('added Dense(64) after Flatten');
    expect(texts).toContain('added Dropout(0.5) after Dense(64)');
    expect(texts).toContain('name Typical ConvNet → Typical ConvNet + dense + dropout');
    expect(c.sameData).toBe(true);
  });

  it('conv → conv + max pooling → and a bigger first convolution, step by step', () => {
    const bigger = run('c', 'conv-maxpool', 3);
    (bigger.spec.layers[0] as { filters: number }).filters = 32;
    const c = compareRuns([run('a', 'conv', 1), run('b', 'conv-maxpool', 2), bigger]);
    expect(c.changes.map((s) => [s.from, s.to])).toEqual([
      ['a', 'b'],
      ['b', 'c'],
    ]);
    expect(c.changes[0].changes.map((x) => x.text)).toContain(
      'added MaxPool2D(2x2) after Conv2D(16, 3x3)',
    );
    expect(c.changes[1].changes.map((x) => x.text)).toEqual(['Conv2D filters 16 → 32']);
  });

  it('logistic regression → MLP in Polish: a hidden Dense, optimizer and epochs', () => {
    const c = compareRuns([run('a', 'logistic-regression', 1), run('b', 'mlp', 2)], 'pl');
    const texts = c.changes[0].changes.map((x) => x.text);
    expect(texts).toContain('dodano Dense(128) po Flatten');
    expect(texts).toContain('optymalizator: sgd → adam');
    expect(texts).toContain('liczba epok: 10 → 20');
  });

  it('fills the table: parameters, epochs, best test accuracy, seconds per epoch', () => {
    const c = compareRuns([run('a', 'logistic-regression', 1, OVERFITTING), run('b', 'mlp', 2)]);
    const [a, b] = c.rows;
    expect(a.params).toBe(784 * 10 + 10);
    expect(b.params).toBe(784 * 128 + 128 + 1290);
    expect(a.epochs).toBe(7);
    expect(a.bestValAcc).toBeCloseTo(0.86);
    expect(a.bestEpoch).toBe(4);
    expect(a.finalValAcc).toBeCloseTo(0.83);
    // Epoch i takes 2 + 0.1 * (i - 1) seconds: the mean of 7 epochs is 2.3.
    expect(a.secondsPerEpoch).toBeCloseTo(2.3);
    expect(b.secondsPerEpoch).toBeCloseTo(2.2);
  });

  it('says when the runs learned from different letters or splits', () => {
    const other = run('b', 'mlp', 2);
    other.dataset = { ...other.dataset!, splitSeed: 7 };
    expect(compareRuns([run('a', 'mlp', 1), other]).sameData).toBe(false);
    // A run recorded before Letter Lab used the notebook's split had other test letters.
    const old = run('c', 'mlp', 3);
    delete old.dataset!.split;
    expect(compareRuns([run('a', 'mlp', 1), old]).sameData).toBe(false);
    expect(compareRuns([run('a', 'mlp', 1), run('d', 'mlp', 4)]).sameData).toBe(true);
  });

  it('an identical network gives no changes', () => {
    expect(compareRuns([run('a', 'mlp', 1), run('b', 'mlp', 2)]).changes[0].changes).toEqual([]);
  });
});
