// Run records for the lessons tests: a step's network (or any spec) trained on given letters with
// a given final test accuracy, as the lab notebook would have recorded it.
import type { RunDataset, RunRecord, RunStatus } from '../../../src-main/contract/runs';
import type { ModelSpec } from '../../../src-main/contract/spec';
import { lessonStep, stepSpec } from '../../../src-main/core/lessons';
import { buildRecord } from '../../../src-main/core/runs';

export const LETTERS = {
  label: 'notMNIST_small.mat',
  fingerprint: 'abc',
  splitSeed: 42,
  testFraction: 0.2,
  split: 'sklearn' as const,
};

export const DATASET: RunDataset = {
  label: LETTERS.label,
  fileName: 'notMNIST_small.mat',
  fingerprint: LETTERS.fingerprint,
  splitSeed: 42,
  testFraction: 0.2,
  split: 'sklearn',
  train: 14_979,
  test: 3_745,
};

export function stepNetwork(id: string, epochs = 2): ModelSpec {
  const step = lessonStep(id);
  if (!step) throw new Error(`no step ${id}`);
  return stepSpec(step, epochs, `Camper's ${id}`);
}

export interface RecordOptions {
  id: string;
  spec: ModelSpec;
  /** Final test accuracy; each epoch takes `secondsPerEpoch`. */
  valAcc: number;
  epochs?: number;
  secondsPerEpoch?: number;
  status?: RunStatus;
  dataset?: RunDataset | null;
  day?: number;
}

export function record(o: RecordOptions): RunRecord {
  const epochs = o.epochs ?? o.spec.compile.epochs;
  const history = Array.from({ length: epochs }, (_, i) => ({
    epoch: i + 1,
    loss: 1 / (i + 1),
    acc: o.valAcc,
    valLoss: 1 / (i + 1),
    valAcc: i === epochs - 1 ? o.valAcc : o.valAcc - 0.01,
    seconds: o.secondsPerEpoch ?? 3,
    samplesPerSecond: 5000,
  }));
  const startedAt = new Date(Date.UTC(2025, 5, o.day ?? 1, 9)).toISOString();
  return buildRecord(
    {
      runId: o.id,
      spec: o.spec,
      history,
      backend: 'wasm',
      status: o.status ?? 'finished',
      message: null,
      savedEpoch: epochs,
    },
    {
      startedAt,
      endedAt: new Date(Date.parse(startedAt) + 60_000).toISOString(),
      dataset: o.dataset === undefined ? DATASET : o.dataset,
    },
    null,
  );
}
