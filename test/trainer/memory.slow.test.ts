// A 20-epoch run on the real notMNIST data in the real training process: the tensor count after
// every epoch's save stays the same, and the process's resident memory stays under 1.5 GB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FromTrainer } from '../../src-main/contract/training-api';
import { PRESETS } from '../../src-main/core/spec';
import { forkNodeTrainer } from '../../src-main/host/trainer-connection';

const MAT = process.env.NOTMNIST_MAT;
const HAVE_MAT = Boolean(MAT && fs.existsSync(MAT));
const EPOCHS = 20;
const RSS_LIMIT_BYTES = 1.5 * 1024 ** 3;
if (!HAVE_MAT) console.warn('test/trainer/memory: NOTMNIST_MAT is not set or missing; skipped.');

/** VmRSS of a process from /proc, in bytes (Linux). */
function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return kb * 1024;
}

describe('training process memory', () => {
  it.skipIf(!HAVE_MAT)(
    `keeps numTensors constant and resident memory under 1.5 GB for ${EPOCHS} epochs on notMNIST`,
    async () => {
      const saveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-memory-'));
      const spec = structuredClone(PRESETS.find((p) => p.id === 'conv-maxpool')!.spec);
      const trainer = forkNodeTrainer();
      const tensorsAfterSave: number[] = [];
      let peakRss = 0;
      const sampler = setInterval(() => {
        if (trainer.pid) peakRss = Math.max(peakRss, residentBytes(trainer.pid));
      }, 250);
      try {
        const done = await new Promise<Extract<FromTrainer, { type: 'done' }>>(
          (resolve, reject) => {
            trainer.onMessage((message) => {
              if (message.type === 'saved') tensorsAfterSave.push(message.numTensors);
              if (message.type === 'done') resolve(message);
              if (message.type === 'error') reject(new Error(message.error.message));
            });
            trainer.onExit(({ code, signal }) =>
              reject(new Error(`trainer exited: ${code ?? signal}`)),
            );
            trainer.send({
              type: 'start',
              runId: 'memory',
              datasetPath: MAT as string,
              splitSeed: 42,
              testFraction: 0.2,
              spec,
              seed: 1,
              resumeFrom: null,
              initialEpoch: 0,
              epochs: EPOCHS,
              saveDir: path.join(saveDir, 'model'),
              history: [],
            });
          },
        );
        expect(done.history).toHaveLength(EPOCHS);
        expect(tensorsAfterSave).toHaveLength(EPOCHS);
        expect(new Set(tensorsAfterSave).size, `numTensors per epoch: ${tensorsAfterSave}`).toBe(1);
        expect(done.numTensors?.after).toBe(done.numTensors?.before);
        console.log(
          `memory: ${EPOCHS} epochs, numTensors ${tensorsAfterSave[0]} after every save, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
        );
        expect(peakRss).toBeGreaterThan(0);
        expect(peakRss).toBeLessThan(RSS_LIMIT_BYTES);
      } finally {
        clearInterval(sampler);
        trainer.kill();
        fs.rmSync(saveDir, { recursive: true, force: true });
      }
    },
    900_000,
  );
});
