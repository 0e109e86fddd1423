// The camper's lesson progress on disk: kept across a restart, written atomically, a damaged file
// moved aside (never lost) with a warning, and changes that never interleave.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROGRESS_FILE, ProgressStore } from '../../../src-main/core/progress/store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-progress-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (runId: string) => ({
  runId,
  origin: 'built' as const,
  startedAt: '2025-06-01T09:00:00.000Z',
});

describe('ProgressStore', () => {
  it('starts empty and keeps what changed across a restart', async () => {
    const store = await ProgressStore.open(dir);
    expect(store.get()).toEqual({ version: 1, current: null, steps: {} });
    await store.change((p) => ({ ...p, current: 'mlp', steps: { mlp: entry('run-1') } }));
    const again = await ProgressStore.open(dir);
    expect(again.get()).toEqual({ version: 1, current: 'mlp', steps: { mlp: entry('run-1') } });
    expect(again.warning).toBeNull();
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('moves a damaged file aside, starts again and says where the old one is', async () => {
    await writeFile(path.join(dir, PROGRESS_FILE), '{"version": 1, "current": 3');
    const store = await ProgressStore.open(dir);
    expect(store.get().steps).toEqual({});
    expect(store.warning).toMatch(
      /damaged \(it is not valid JSON\).*kept as .*lessons\.json\.damaged-/,
    );
    const kept = (await readdir(dir)).find((f) => f.startsWith(`${PROGRESS_FILE}.damaged-`));
    expect(await readFile(path.join(dir, kept!), 'utf8')).toBe('{"version": 1, "current": 3');
  });

  it('refuses a file with a wrong field, naming it', async () => {
    await writeFile(
      path.join(dir, PROGRESS_FILE),
      JSON.stringify({
        version: 1,
        current: null,
        steps: { mlp: { runId: 'x', origin: 'copied', startedAt: '' } },
      }),
    );
    const store = await ProgressStore.open(dir);
    expect(store.warning).toMatch(/steps\.mlp\.origin/);
  });

  it('applies changes one at a time', async () => {
    const store = await ProgressStore.open(dir);
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((id) =>
        store.change((p) => ({ ...p, steps: { ...p.steps, [id]: entry(`run-${id}`) } })),
      ),
    );
    expect(Object.keys((await ProgressStore.open(dir)).get().steps).sort()).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });
});
