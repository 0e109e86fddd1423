// Soak: 50 cycles of train one epoch / stop / predict / estimate through the browser-mode HTTP API
// of a real host (in this process, so its tensors and memory can be read; the training and the
// estimates run in real child processes). The host's tensor count must not change from cycle to
// cycle and its resident memory must stay flat.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../src-main/contract/spec';
import type { TrainingState } from '../../src-main/contract/training-api';
import { PRESETS } from '../../src-main/core/spec';
import { bootHost, type BootedHost } from '../../src-main/host/boot';
import { forkNodeTrainer } from '../../src-main/host/trainer-connection';
import { startWebServer, type WebServer } from '../../src-main/web/server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CYCLES = Number(process.env.LETTER_LAB_SOAK_CYCLES ?? 50);
/** Cycles before the numbers are taken as the baseline (caches, lazy kernels, JIT). */
const WARM_UP = 5;
const MB = 1024 * 1024;

describe('soak: train, stop, predict, estimate', () => {
  let host: BootedHost;
  let server: WebServer;
  let userData: string;
  let rendererDir: string;

  async function invoke<T>(channel: string, payload?: unknown): Promise<T> {
    const res = await fetch(`${server.origin}/api/invoke/${channel}`, {
      method: 'POST',
      headers: { 'x-letter-lab-token': server.token, 'content-type': 'application/json' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const result = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
    return result.value;
  }

  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    const end = Date.now() + 120_000;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  beforeAll(async () => {
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-soak-'));
    rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-soak-renderer-'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<p>soak</p>');
    host = await bootHost({
      platform: { mode: 'web', forkTrainer: forkNodeTrainer },
      paths: { userData, resources: path.join(ROOT, 'resources') },
      initialDatasetPath: null,
      backend: 'wasm',
    });
    server = await startWebServer({
      registry: host.registry,
      events: host.ctx.events,
      rendererDir,
      port: 0,
    });
    await invoke('dataset:current');
  });
  afterAll(async () => {
    host.ctx.session.training?.dispose();
    await server.close();
    fs.rmSync(userData, { recursive: true, force: true });
    fs.rmSync(rendererDir, { recursive: true, force: true });
  });

  it(`keeps the host's tensors and memory flat over ${CYCLES} cycles`, async () => {
    const base = PRESETS.find((p) => p.id === 'logistic-regression')?.spec as ModelSpec;
    const pixels = Array.from({ length: 28 * 28 }, (_, i) =>
      Math.abs((i % 28) - 14) < 3 || Math.abs(Math.floor(i / 28) - 14) < 3 ? 255 : 0,
    );
    const samples: { cycle: number; tensors: number; rssMb: number }[] = [];
    const started = Date.now();
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      // Train: stop as soon as the first epoch is saved.
      const spec = { ...base, compile: { ...base.compile, epochs: 20 } };
      const { runId } = await invoke<TrainingState>('training:start', { spec, seed: cycle });
      await until(async () => {
        const state = await invoke<TrainingState>('training:state');
        return state.runId === runId && state.savedEpoch >= 1;
      }, `cycle ${cycle} saves its first epoch`);
      await invoke('training:stop');
      await until(
        async () => (await invoke<TrainingState>('training:state')).status === 'stopped',
        `cycle ${cycle} stops`,
      );
      // Predict with the run's network (the host loads it from disk).
      const answer = await invoke<{ probabilities: number[] }>('predict:pixels', { pixels });
      expect(answer.probabilities).toHaveLength(10);
      // Estimate a network not timed before (so a measuring process really runs).
      const timed = { ...base, compile: { ...base.compile, learningRate: 0.01 + cycle / 1e5 } };
      const estimate = await invoke<{ secondsPerEpoch: number }>('spec:estimate', {
        spec: timed,
      });
      expect(estimate.secondsPerEpoch).toBeGreaterThan(0);
      if (global.gc) global.gc();
      samples.push({
        cycle,
        tensors: tf.memory().numTensors,
        rssMb: process.memoryUsage().rss / MB,
      });
    }
    const warm = samples[Math.min(WARM_UP, samples.length) - 1];
    const last = samples[samples.length - 1];
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `soak: ${CYCLES} cycles in ${seconds.toFixed(0)} s; host tensors ${warm.tensors} -> ${last.tensors}; ` +
        `host RSS ${warm.rssMb.toFixed(0)} -> ${last.rssMb.toFixed(0)} MB ` +
        `(max ${Math.max(...samples.map((s) => s.rssMb)).toFixed(0)} MB)`,
    );
    expect(last.tensors).toBe(warm.tensors);
    // Flat: a leak of a network per cycle (~30 KB of weights plus tfjs bookkeeping) or of one
    // training process's messages would show as steady growth; allow GC noise.
    expect(last.rssMb - warm.rssMb).toBeLessThan(150);
    // Runs stopped after their first epoch are all in the notebook, none left 'running'.
    const runs = await invoke<{ record: { status: string } | null }[]>('runs:list');
    expect(runs).toHaveLength(CYCLES);
    expect(runs.every((r) => r.record?.status === 'stopped')).toBe(true);
    // About 6 s a cycle here: two processes start per cycle (a training and a measurement).
  }, 900_000);
});
