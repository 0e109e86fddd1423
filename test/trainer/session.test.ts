// What a training run writes about its letters into the saved network's meta.json: the
// notebook's split with its seed and share, and 'mixed' once a network trained on one split
// goes on training on another (then no split's test letters are new to it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendInfo } from '../../src-main/contract/backend';
import type { EpochRecord, FromTrainer } from '../../src-main/contract/training-api';
import { initBackend } from '../../src-main/core/backend';
import { loadModel } from '../../src-main/core/model';
import { PRESETS } from '../../src-main/core/spec';
import { startSession } from '../../src-main/trainer/session';

const SAMPLE = path.resolve('resources/sample/sample-letters.mat');
const spec = structuredClone(PRESETS.find((p) => p.id === 'logistic-regression')!.spec);
let backend: BackendInfo;
let home = '';

beforeAll(async () => {
  backend = await initBackend('wasm');
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-session-'));
});
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

async function run(
  saveDir: string,
  splitSeed: number,
  opts: { resumeFrom?: string; history?: EpochRecord[] } = {},
): Promise<EpochRecord[]> {
  const messages: FromTrainer[] = [];
  const session = startSession(
    {
      type: 'start',
      runId: 'r',
      datasetPath: SAMPLE,
      splitSeed,
      testFraction: 0.2,
      spec,
      seed: 1,
      resumeFrom: opts.resumeFrom ?? null,
      initialEpoch: opts.history?.length ?? 0,
      epochs: (opts.history?.length ?? 0) + 1,
      saveDir,
      history: opts.history ?? [],
    },
    backend,
    (m) => messages.push(m),
  );
  await session.done;
  const done = messages.find((m) => m.type === 'done');
  if (!done || done.type !== 'done') throw new Error(JSON.stringify(messages.at(-1)));
  return done.history;
}

describe('the training session records the split in meta.json', () => {
  it('a new network: the notebook split, its seed and test share', async () => {
    const dir = path.join(home, 'a');
    await run(dir, 42);
    const { model, meta } = await loadModel(dir);
    model.dispose();
    expect(meta.dataset).toMatchObject({ splitSeed: 42, testFraction: 0.2, split: 'sklearn' });
    expect(meta.dataset?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('training more on the same split keeps it; on another seed it becomes mixed', async () => {
    const dir = path.join(home, 'b');
    const first = await run(dir, 42);
    const more = path.join(home, 'b-more');
    const history = await run(more, 42, { resumeFrom: dir, history: first });
    let loaded = await loadModel(more);
    loaded.model.dispose();
    expect(loaded.meta.dataset?.split).toBe('sklearn');

    const other = path.join(home, 'b-other');
    await run(other, 7, { resumeFrom: more, history });
    loaded = await loadModel(other);
    loaded.model.dispose();
    expect(loaded.meta.dataset).toMatchObject({ splitSeed: 7, split: 'mixed' });
  });
});
