// Data-parallel training inside the real training process (node --import tsx src-main/trainer/
// main.ts, as browser mode and the CLI start it): its worker threads start from there, and the run
// is the same as train() with the same seeds and thread count in this process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EpochRecord, FromTrainer } from '../../../src-main/contract/training-api';
import { TRAIN_THREADS_ENV } from '../../../src-main/core/backend/threads';
import { initBackend } from '../../../src-main/core/backend';
import { loadDataset } from '../../../src-main/core/dataset/load';
import { buildModel, compileModel } from '../../../src-main/core/model/build';
import { PRESETS } from '../../../src-main/core/spec';
import { shutdownTrainingWorkers, train } from '../../../src-main/core/training';
import { forkNodeTrainer } from '../../../src-main/host/trainer-connection';

const SAMPLE = path.resolve('resources/sample/sample-letters.mat');
const SPLIT_SEED = 42;
const TEST_FRACTION = 0.2;
const SEED = 3;
const spec = structuredClone(PRESETS.find((p) => p.id === 'convnet-dense-dropout')!.spec);

/** Runs one epoch in a training process with `threads` threads; the history and tensor counts. */
async function inTrainerProcess(threads: number) {
  const saveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-parallel-'));
  const saved = process.env[TRAIN_THREADS_ENV];
  process.env[TRAIN_THREADS_ENV] = String(threads);
  const trainer = forkNodeTrainer();
  if (saved === undefined) delete process.env[TRAIN_THREADS_ENV];
  else process.env[TRAIN_THREADS_ENV] = saved;
  try {
    return await new Promise<{ backendThreads: number | null; done: FromTrainer }>(
      (resolve, reject) => {
        let backendThreads: number | null = null;
        trainer.onMessage((message) => {
          if (message.type === 'ready') {
            backendThreads = message.backend.threads;
            trainer.send({
              type: 'start',
              runId: 'r1',
              datasetPath: SAMPLE,
              splitSeed: SPLIT_SEED,
              testFraction: TEST_FRACTION,
              spec,
              seed: SEED,
              resumeFrom: null,
              initialEpoch: 0,
              epochs: 1,
              saveDir,
              history: [],
            });
          } else if (message.type === 'done') resolve({ backendThreads, done: message });
          else if (message.type === 'error') reject(new Error(message.error.message));
        });
        trainer.onExit(({ code }) => reject(new Error(`the training process exited (${code})`)));
      },
    );
  } finally {
    trainer.kill();
    fs.rmSync(saveDir, { recursive: true, force: true });
  }
}

const metrics = (h: EpochRecord[]) =>
  h.map(({ loss, acc, valLoss, valAcc }) => [loss, acc, valLoss, valAcc]);

describe('training on worker threads in the training process', () => {
  afterAll(async () => {
    await shutdownTrainingWorkers();
  });

  it('trains like train() in this process with the same seeds and threads, and leaks nothing', async () => {
    const two = await inTrainerProcess(2);
    const one = await inTrainerProcess(1);
    expect(two.backendThreads).toBe(2);
    expect(one.backendThreads).toBe(1);
    if (two.done.type !== 'done' || one.done.type !== 'done') throw new Error('no done message');
    expect(two.done.numTensors?.after).toBe(two.done.numTensors?.before);

    await initBackend('wasm');
    const { set } = await loadDataset(SAMPLE, { seed: SPLIT_SEED, testFraction: TEST_FRACTION });
    const model = buildModel(spec, { seed: SEED });
    compileModel(model, spec.compile);
    const here = await train(set, model, {
      epochs: 1,
      batchSize: spec.compile.batchSize,
      seed: SEED,
      threads: 2,
    });
    const optimizer = model.optimizer;
    model.dispose();
    optimizer.dispose();
    // Bit for bit: the same code on the same backend and thread count.
    expect(metrics(two.done.history)).toEqual(metrics(here.history));
    // One thread draws other dropout masks: a different run (so the two-thread run was one).
    expect(metrics(one.done.history)).not.toEqual(metrics(two.done.history));
    expect(two.done.history[0].valAcc).toBeGreaterThan(0.5);
  });
});
