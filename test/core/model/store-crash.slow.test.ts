// A save killed at a random moment (SIGKILL of a real child process) never loses the model.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src-main/core/backend';
import { buildModel } from '../../../src-main/core/model/build';
import { loadModel } from '../../../src-main/core/model/store';
import { mulberry32 } from '../../../src-main/core/random';
import { bigSpec } from './fixtures/big-model';

let root: string;

/** The kill moments come from this seed (logged); STORE_CRASH_SEED=<n> repeats a run. */
const SEED = Number(process.env.STORE_CRASH_SEED) || Math.floor(Math.random() * 2 ** 31);

describe('model store under crashes', () => {
  beforeAll(async () => {
    await initBackend('wasm');
    root = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-crash-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('survives a saving process killed (SIGKILL) at random points: one whole model is always there', async () => {
    const shelf = path.join(root, 'crash');
    const target = path.join(shelf, 'big');
    // The two models the child alternates between, built the same way (seeded, same backend).
    const expected = new Map<string, number[]>();
    for (const [i, name] of ['A', 'B'].entries()) {
      const m = buildModel(bigSpec(), { seed: i + 1 });
      expected.set(
        name,
        m.getWeights().map((w) => w.dataSync()[123]),
      );
      m.dispose();
    }
    const fixture = path.join(import.meta.dirname, 'fixtures', 'save-loop.ts');
    const outcomes: string[] = [];
    const random = mulberry32(SEED);
    console.log(`store-crash: seed ${SEED} (STORE_CRASH_SEED=${SEED} repeats these kill moments)`);
    for (let round = 0; round < 5; round++) {
      const delayMs = Math.round(random() * 400);
      const child = spawn(process.execPath, ['--import', 'tsx', fixture, target], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      let saves = 0;
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          saves += (chunk.toString().match(/saved/g) ?? []).length;
          // After the first save (and a random number of others), kill at a random moment.
          if (saves >= 1 + (round % 2)) resolve();
        });
        child.on('exit', () => reject(new Error('the saving child exited on its own')));
      });
      // Not a wait for a state: the kill must land at some moment of a save.
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill('SIGKILL');
      await exited;
      // What the kill left behind (before loadModel repairs it), to show which points we hit.
      const left = (await readdir(shelf)).map((n) => n.replace(/-\d+-[0-9a-f]{8}$/, '')).sort();
      const { model, meta: m } = await loadModel(target);
      const weights = model.getWeights().map((w) => w.dataSync()[123]);
      expect(weights).toEqual(expected.get(m.name));
      outcomes.push(`${delayMs} ms: ${left.join('+')} -> ${m.name}`);
      model.dispose();
      expect((await readdir(shelf)).filter((n) => n.startsWith('.'))).toEqual([]);
      const info = await stat(path.join(target, 'weights.bin'));
      expect(info.size).toBeGreaterThan(10_000_000);
    }
    console.log('after each kill (delay: folders left -> model loaded):', outcomes.join(', '));
  }, 240_000);
});
