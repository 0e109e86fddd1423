// Run records on disk: written atomically, read back by a new store over the same folder (as after
// a restart), damaged or missing run.json files listed with their problem and never in the way of
// the good ones, updates, deletion of the whole run folder, ids that would lead elsewhere.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../src-main/contract/runs';
import { LetterLabError } from '../../../src-main/core/errors';
import { RunStore, buildRecord, worthRecording } from '../../../src-main/core/runs';
import { PRESETS } from '../../../src-main/core/spec';
import { OVERFITTING, STILL_IMPROVING, history } from './histories';

const DATASET = {
  label: 'Sample letters (175 fonts)',
  fileName: 'sample-letters.mat',
  fingerprint: 'abc123',
  splitSeed: 42,
  testFraction: 0.2,
  train: 2800,
  test: 700,
};

let root: string;

function record(id: string, preset: string, startedAt: string, rows = STILL_IMPROVING): RunRecord {
  const spec = structuredClone(PRESETS.find((p) => p.id === preset)!.spec);
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
      endedAt: new Date(Date.parse(startedAt) + 30_500).toISOString(),
      dataset: DATASET,
    },
    null,
  );
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-runs-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('buildRecord', () => {
  it('keeps the numbers the notebook shows', () => {
    const r = record('run-a', 'mlp', '2025-06-01T10:00:00.000Z', OVERFITTING);
    expect(r.params).toBe(784 * 128 + 128 + 128 * 10 + 10);
    expect(r.bestValAcc).toBeCloseTo(0.86);
    expect(r.bestEpoch).toBe(4);
    expect(r.finalValAcc).toBeCloseTo(0.83);
    // The kept epochs' own times (2 s, 2.1 s, ... 2.6 s), not the session's 30.5 s of wall time.
    expect(r.seconds).toBeCloseTo(16.1);
    expect(r.stoppedAt).toBeNull();
    expect(r.compile).toEqual(r.spec.compile);
    expect(r.name).toBe('Multilayer perceptron (MLP)');
  });

  it('keeps name, star, note and start of the earlier sessions when more epochs are trained', () => {
    const first = {
      ...record('run-a', 'mlp', '2025-06-01T10:00:00.000Z'),
      name: 'Mine',
      starred: true,
      note: 'n',
    };
    const more = buildRecord(
      {
        runId: 'run-a',
        spec: first.spec,
        history: history([...STILL_IMPROVING, [0.6, 0.82, 0.6, 0.81]]),
        backend: 'wasm',
        status: 'finished',
        message: null,
        savedEpoch: 6,
      },
      {
        startedAt: '2025-06-01T11:00:00.000Z',
        endedAt: '2025-06-01T11:00:10.000Z',
        dataset: DATASET,
      },
      first,
    );
    expect(more).toMatchObject({
      name: 'Mine',
      starred: true,
      note: 'n',
      startedAt: first.startedAt,
    });
    // All six epochs' times: the earlier ones are in the history too.
    expect(more.seconds).toBeCloseTo(13.5);
    expect(more.history).toHaveLength(6);
    expect(more.bestValAcc).toBeCloseTo(0.81);
  });

  it('says where a run was stopped in the middle of an epoch; its time counts the kept epochs', () => {
    const rows = STILL_IMPROVING.slice(0, 2);
    const stopped = buildRecord(
      {
        runId: 'run-s',
        spec: PRESETS[0].spec,
        history: history(rows),
        backend: 'wasm',
        status: 'stopped',
        message: null,
        savedEpoch: 2,
        stoppedAt: { epoch: 3, batch: 57, batches: 117 },
      },
      {
        startedAt: '2025-06-01T10:00:00.000Z',
        endedAt: '2025-06-01T10:01:00.000Z',
        dataset: DATASET,
      },
      null,
    );
    expect(stopped).toMatchObject({ savedEpoch: 2, stoppedAt: { epoch: 3, batch: 57 } });
    expect(stopped.seconds).toBeCloseTo(4.1);
    expect(stopped.finalValAcc).toBe(rows[1][3]);
  });

  it('does not keep a run stopped before its first epoch, but keeps a failed one', () => {
    const run = {
      runId: 'x',
      spec: PRESETS[0].spec,
      history: [],
      backend: null,
      status: 'stopped' as const,
      message: null,
      savedEpoch: 0,
    };
    expect(worthRecording(run, null)).toBe(false);
    expect(worthRecording({ ...run, status: 'failed', message: 'boom' }, null)).toBe(true);
  });
});

describe('RunStore', () => {
  it('reads records back in a new store over the same folder, newest first', async () => {
    const a = record('2025-06-01-a', 'logistic-regression', '2025-06-01T10:00:00.000Z');
    const b = record('2025-06-02-b', 'conv', '2025-06-02T10:00:00.000Z', OVERFITTING);
    const first = new RunStore(root);
    await first.write(a);
    await first.write(b);

    const restarted = new RunStore(root);
    const list = await restarted.list();
    expect(list.map((e) => e.id)).toEqual(['2025-06-02-b', '2025-06-01-a']);
    expect(list[0].record).toEqual(b);
    expect(list[1].record).toEqual(a);
    expect(list[0].verdict?.kind).toBe('overfitting');
    expect(list[1].verdict?.kind).toBe('still-improving');
    expect(list.every((e) => e.problem === null && e.modelDir === null)).toBe(true);
    // No temporary file is left next to run.json.
    expect(await readdir(path.join(root, '2025-06-01-a'))).toEqual(['run.json']);
  });

  it('lists the autosaved model folder when it has a model.json', async () => {
    const store = new RunStore(root);
    await store.write(record('r1', 'conv', '2025-06-01T10:00:00.000Z'));
    await mkdir(path.join(root, 'r1', 'model'));
    expect((await store.entry('r1')).modelDir).toBeNull();
    await writeFile(path.join(root, 'r1', 'model', 'model.json'), '{}');
    expect((await store.entry('r1')).modelDir).toBe(path.join(root, 'r1', 'model'));
  });

  it('lists damaged and missing run.json files with their problem, after the good runs', async () => {
    const store = new RunStore(root);
    await store.write(record('good', 'conv', '2025-06-01T10:00:00.000Z'));
    const bad = async (id: string, text: string) => {
      await mkdir(path.join(root, id));
      await writeFile(path.join(root, id, 'run.json'), text);
    };
    await bad(
      'cut-short',
      JSON.stringify(record('cut-short', 'mlp', '2025-06-03T10:00:00.000Z')).slice(0, 200),
    );
    const wrongField = {
      ...record('wrong-field', 'mlp', '2025-06-03T10:00:00.000Z'),
      bestValAcc: 'high',
    };
    await bad('wrong-field', JSON.stringify(wrongField));
    const badSpec = record('bad-spec', 'mlp', '2025-06-03T10:00:00.000Z');
    (badSpec.spec.layers[1] as { units: number }).units = -3;
    await bad('bad-spec', JSON.stringify(badSpec));
    await bad(
      'other-id',
      JSON.stringify(record('someone-else', 'mlp', '2025-06-03T10:00:00.000Z')),
    );
    await mkdir(path.join(root, 'no-record', 'model'), { recursive: true });
    await writeFile(path.join(root, 'stray-file.txt'), 'not a run');

    const list = await new RunStore(root).list();
    expect(list[0].id).toBe('good');
    const problems = Object.fromEntries(list.slice(1).map((e) => [e.id, e.problem]));
    expect(Object.keys(problems).sort()).toEqual(
      ['bad-spec', 'cut-short', 'no-record', 'other-id', 'wrong-field'].sort(),
    );
    expect(problems['cut-short']).toMatch(/run\.json is not valid JSON: it is damaged/);
    expect(problems['wrong-field']).toMatch(/field bestValAcc/);
    expect(problems['bad-spec']).toMatch(/field spec: .*units/);
    expect(problems['other-id']).toMatch(/belongs to run someone-else/);
    expect(problems['no-record']).toMatch(/run\.json is missing/);
    for (const e of list.slice(1)) expect(e.record).toBeNull();
    await expect(store.read('cut-short')).rejects.toMatchObject({ code: 'runs.corrupt' });
  });

  it('reads a run whose loss blew up (NaN is written as null) as diverged', async () => {
    const store = new RunStore(root);
    const r = record('nan-run', 'mlp', '2025-06-01T10:00:00.000Z');
    r.history[2].loss = Number.NaN;
    await store.write(r);
    expect(await readFile(path.join(root, 'nan-run', 'run.json'), 'utf8')).toContain(
      '"loss": null',
    );
    const back = await new RunStore(root).entry('nan-run');
    expect(Number.isNaN(back.record?.history[2].loss)).toBe(true);
    expect(back.verdict?.kind).toBe('diverged');
  });

  it('changes and deletes runs; deleting removes the whole folder', async () => {
    const store = new RunStore(root);
    await store.write(record('r1', 'conv', '2025-06-01T10:00:00.000Z'));
    await mkdir(path.join(root, 'r1', 'model'));
    await writeFile(path.join(root, 'r1', 'model', 'weights.bin'), new Uint8Array(16));
    await store.change('r1', (r) => r && { ...r, name: 'Renamed', starred: true });
    expect(await new RunStore(root).read('r1')).toMatchObject({ name: 'Renamed', starred: true });
    await store.remove('r1');
    expect(await readdir(root)).toEqual([]);
    await expect(store.remove('r1')).rejects.toMatchObject({ code: 'runs.not-found' });
    await expect(store.read('r1')).rejects.toMatchObject({ code: 'runs.not-found' });
  });

  it('does concurrent changes one after the other', async () => {
    const store = new RunStore(root);
    await store.write(record('r1', 'conv', '2025-06-01T10:00:00.000Z'));
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.change('r1', (r) => r && { ...r, note: `${r.note}${i}` }),
      ),
    );
    expect((await store.read('r1')).note).toBe('0123456789');
  });

  it('refuses ids that would lead outside the runs folder', () => {
    const store = new RunStore(root);
    for (const id of ['..', '../x', 'a/b', '.hidden', '', 'a\\b']) {
      expect(() => store.folder(id), id).toThrow(LetterLabError);
    }
  });

  it('an empty or missing runs folder lists nothing', async () => {
    expect(await new RunStore(path.join(root, 'nope')).list()).toEqual([]);
  });
});
