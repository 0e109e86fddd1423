// `letter-lab runs` and `letter-lab compare` over a real notebook folder (LETTER_LAB_HOME) of run
// records of the notebook's presets; bad input exits 2 with one line and no stack trace.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunComparison, RunRecord } from '../../src-main/contract/runs';
import { RunStore, buildRecord } from '../../src-main/core/runs';
import { PRESETS } from '../../src-main/core/spec';
import { OVERFITTING, STILL_IMPROVING, history, type Row } from '../core/runs/histories';
import { cliInProcessWithEnv, expectRefused } from '../helpers/cli';

let home: string;

const run = (...args: string[]) => cliInProcessWithEnv({ LETTER_LAB_HOME: home }, ...args);

function record(id: string, preset: string, day: number, rows: Row[]): RunRecord {
  const spec = structuredClone(PRESETS.find((p) => p.id === preset)!.spec);
  const startedAt = new Date(Date.UTC(2025, 5, day, 9)).toISOString();
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
      endedAt: new Date(Date.parse(startedAt) + 20_000).toISOString(),
      dataset: {
        label: 'Sample',
        fileName: 's.mat',
        fingerprint: 'f',
        splitSeed: 42,
        testFraction: 0.2,
        train: 2800,
        test: 700,
      },
    },
    null,
  );
}

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-cli-runs-'));
  const store = new RunStore(path.join(home, 'runs'));
  await store.write(record('2025-06-01-conv-aaa', 'typical-convnet', 1, OVERFITTING));
  await store.write({
    ...record('2025-06-02-drop-bbb', 'convnet-dense-dropout', 2, STILL_IMPROVING),
    starred: true,
    name: 'With dropout',
  });
  await mkdir(path.join(home, 'runs', '2025-06-03-broken'));
  await writeFile(path.join(home, 'runs', '2025-06-03-broken', 'run.json'), 'not json');
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('letter-lab runs', () => {
  it('--json lists every run newest first, with its verdict, and the broken one with its problem', async () => {
    const out = await run('runs', '--json');
    expect(out.status).toBe(0);
    const list = JSON.parse(out.stdout) as {
      id: string;
      name: string | null;
      starred: boolean;
      epochs: number | null;
      bestValAcc: number | null;
      params: number | null;
      verdict: { kind: string; text: string } | null;
      problem: string | null;
    }[];
    expect(list.map((r) => r.id)).toEqual([
      '2025-06-02-drop-bbb',
      '2025-06-01-conv-aaa',
      '2025-06-03-broken',
    ]);
    expect(list[0]).toMatchObject({
      name: 'With dropout',
      starred: true,
      epochs: 5,
      params: 49850,
    });
    expect(list[0].verdict?.kind).toBe('still-improving');
    expect(list[1].verdict?.kind).toBe('overfitting');
    expect(list[1].bestValAcc).toBeCloseTo(0.86);
    expect(list[2].name).toBeNull();
    expect(list[2].problem).toMatch(/not valid JSON/);
  });

  it('prints a readable list without --json', async () => {
    const out = await run('runs');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^\* 2025-06-02-drop-bbb {2}With dropout$/m);
    expect(out.stdout).toContain('best validation accuracy 86.0%');
    expect(out.stdout).toMatch(/Overfitting: from epoch 4/);
    // Which letters each run learned from, by name and counts (not by fingerprint).
    expect(out.stdout).toContain('    letters: Sample, 2,800 for training and 700 for testing');
  });

  it('says so when there are no runs', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-cli-empty-'));
    try {
      const out = await cliInProcessWithEnv({ LETTER_LAB_HOME: empty }, 'runs', '--json');
      expect(out.status).toBe(0);
      expect(JSON.parse(out.stdout)).toEqual([]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('letter-lab compare', () => {
  it('--json gives the table and what changed, by id or by the start of an id', async () => {
    const out = await run('compare', '2025-06-02-drop', '2025-06-01-conv-aaa', '--json');
    expect(out.status).toBe(0);
    const c = JSON.parse(out.stdout) as RunComparison;
    // Typical ConvNet: 160 + 2,320 + 4,640 + 9,248 (convolutions) + 4x4x32x10 + 10 (answer).
    expect(c.rows.map((r) => [r.id, r.params, r.epochs])).toEqual([
      ['2025-06-01-conv-aaa', 21_498, 7],
      ['2025-06-02-drop-bbb', 49_850, 5],
    ]);
    expect(c.rows[0].bestValAcc).toBeCloseTo(0.86);
    expect(c.rows[1].secondsPerEpoch).toBeCloseTo(2.2);
    expect(c.changes[0].changes.map((x) => x.text)).toEqual([
      'added Dense(64) after Flatten',
      'added Dropout(0.5) after Dense(64)',
      'name Typical ConvNet → Typical ConvNet + dense + dropout',
    ]);
    expect(c.sameData).toBe(true);
  });

  it('--lang pl gives the changes in Polish; without --json a readable text', async () => {
    const out = await run('compare', '2025-06-01-conv-aaa', '2025-06-02-drop-bbb', '--lang', 'pl');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('2025-06-01-conv-aaa → 2025-06-02-drop-bbb:');
    expect(out.stdout).toContain('  dodano Dropout(0.5) po Dense(64)');
    expect(out.stdout).toContain(
      'With dropout: 49850 parameters, 5 epochs, best validation accuracy 79.0%',
    );
  });

  it.each([
    [['compare', '2025-06-01-conv-aaa'], /^error: Give 2 to 8 run ids, got 1\./],
    [
      ['compare', '2025-06-01-conv-aaa', 'nosuchrun'],
      /^error: There is no recorded run "nosuchrun"/,
    ],
    [
      ['compare', '2025-06-0', '2025-06-01-conv-aaa'],
      /^error: "2025-06-0" is the start of 3 run ids/,
    ],
    [
      ['compare', '2025-06-01-conv-aaa', '2025-06-03-broken'],
      /^error: Run 2025-06-03-broken cannot be used: run\.json is not valid JSON/,
    ],
    [
      ['compare', '2025-06-01-conv-aaa', '2025-06-01-conv'],
      /^error: Run 2025-06-01-conv-aaa is given twice/,
    ],
    [['compare', 'a', 'b', '--lang', 'de'], /^error: --lang must be en or pl/],
    [['runs', '--bogus'], /^error: Unknown option '--bogus'\. Usage: letter-lab runs/],
  ])('%j exits 2 with one error line', async (args, message) => {
    const out = await run(...args);
    expectRefused(out, message);
  });
});
