// Small, valid host answers for renderer state tests (shapes from src-main/contract).
import type { DatasetInfo, LetterImage } from '../../src-main/contract/dataset';
import type { EvaluatedLetters, EvaluationSummary } from '../../src-main/contract/evaluation';
import type { PredictModelInfo, Prediction } from '../../src-main/contract/predict';
import type { RunEntry, RunRecord } from '../../src-main/contract/runs';
import type { SettingsView } from '../../src-main/contract/settings';
import type { ModelSpec } from '../../src-main/contract/spec';
import type {
  BatchProgress,
  EpochRecord,
  TrainingState,
} from '../../src-main/contract/training-api';
import type { ModelMeta, SavedModelEntry } from '../../src-main/contract/training';
import { PRESETS } from '../../src-main/core/spec';
import { DEFAULT_LESSON_SETTINGS } from '../../src-main/core/lessons/settings';

export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];

export function datasetInfo(patch: Partial<DatasetInfo> = {}): DatasetInfo {
  return {
    source: 'file',
    label: 'notMNIST_small.mat',
    fileName: 'notMNIST_small.mat',
    fileBytes: 1000,
    format: 'MATLAB 5.0',
    compressed: false,
    count: 100,
    height: 28,
    width: 28,
    classes: 10,
    classNames: LETTERS,
    countsPerClass: LETTERS.map(() => 10),
    split: { train: 80, test: 20, seed: 42, testFraction: 0.2 },
    fingerprint: 'f1',
    loadMs: 12,
    version: 1,
    ...patch,
  };
}

export function letter(index: number, label = index % 10): LetterImage {
  return { index, label, pixels: new Array<number>(28 * 28).fill(index % 256), test: false };
}

export function spec(id = 'conv-maxpool'): ModelSpec {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  return structuredClone(preset.spec);
}

export function snapshot(patch: Partial<TrainingState> = {}): TrainingState {
  return {
    runId: null,
    status: 'idle',
    spec: null,
    targetEpochs: 0,
    history: [],
    batchCurve: [],
    lastBatch: null,
    backend: null,
    message: null,
    savedEpoch: 0,
    seq: 0,
    dataset: null,
    stoppedAt: null,
    ...patch,
  };
}

export function batch(epoch: number, index: number, batches = 10): BatchProgress {
  return {
    epoch,
    batch: index,
    batches,
    loss: 1 / index,
    acc: index / batches,
    batchLoss: 2 / index,
    batchAcc: index / (2 * batches),
    samplesPerSecond: 500,
    secondsLeft: 10,
  };
}

export function epochRecord(epoch: number): EpochRecord {
  return {
    epoch,
    loss: 1 / epoch,
    acc: 1 - 1 / (epoch + 1),
    valLoss: 1.2 / epoch,
    valAcc: 1 - 1.2 / (epoch + 1),
    seconds: 3,
    samplesPerSecond: 500,
  };
}

export function evaluationSummary(key: string): EvaluationSummary {
  const confusion = LETTERS.map((_, t) =>
    LETTERS.map((__, p) => (t === p ? 9 : t + 1 === p ? 1 : 0)),
  );
  return {
    key,
    count: 100,
    correct: 90,
    accuracy: 0.9,
    perClass: LETTERS.map((l, label) => ({
      label,
      letter: l,
      count: 10,
      correct: 9,
      accuracy: 0.9,
    })),
    confusion,
    classNames: LETTERS,
    height: 28,
    width: 28,
    model: { name: 'ConvNet', source: 'run', epochs: 2, savedAt: '2025-01-01T00:00:00.000Z' },
    split: { seed: 42, testFraction: 0.2 },
    sameDataset: true,
    sameSplit: true,
    seconds: 1,
  };
}

/** `count` evaluated letters of evaluation `key`, their indexes starting at `first`. */
export function evaluated(key: string, first: number, count = 2): EvaluatedLetters {
  const items = Array.from({ length: count }, (_, i) => ({
    ...letter(first + i),
    predicted: 1,
    confidence: 0.8,
    truthProbability: 0.1,
  }));
  return { key, total: count, items };
}

export function modelInfo(patch: Partial<PredictModelInfo> = {}): PredictModelInfo {
  return {
    name: 'ConvNet',
    source: 'run',
    epochs: 2,
    accuracy: 0.9,
    classNames: LETTERS,
    input: { height: 28, width: 28 },
    mapLayers: ['conv2d_1'],
    hasConv: true,
    sameSplit: true,
    ...patch,
  };
}

/** A prediction whose answer is class `predicted`. */
export function prediction(predicted: number): Prediction {
  const probabilities = LETTERS.map((_, i) => (i === predicted ? 0.91 : 0.01));
  return { probabilities, predicted };
}

export function settingsView(patch: Partial<SettingsView['settings']> = {}): SettingsView {
  return {
    settings: {
      version: 1,
      language: null,
      defaultDataset: null,
      lastDataset: null,
      lockPresets: false,
      tourDone: false,
      pinSet: false,
      lessons: DEFAULT_LESSON_SETTINGS,
      ...patch,
    },
    warning: null,
  };
}

export function runRecord(id: string, startedAt: string): RunRecord {
  const s = spec('logistic-regression');
  return {
    version: 1,
    id,
    name: `run ${id}`,
    starred: false,
    note: '',
    startedAt,
    endedAt: startedAt,
    seconds: 5,
    spec: s,
    compile: s.compile,
    params: 7850,
    dataset: null,
    history: [epochRecord(1)],
    finalValAcc: 0.8,
    bestValAcc: 0.8,
    bestEpoch: 1,
    backend: 'wasm',
    status: 'finished',
    message: null,
    savedEpoch: 1,
  };
}

export function runEntry(id: string, startedAt = '2025-01-01T10:00:00.000Z'): RunEntry {
  return {
    id,
    path: `/runs/${id}`,
    record: runRecord(id, startedAt),
    problem: null,
    verdict: null,
    modelDir: null,
  };
}

export function modelMeta(name: string): ModelMeta {
  const s = spec('logistic-regression');
  return {
    version: 1,
    name,
    spec: s,
    compile: s.compile,
    history: [epochRecord(1)],
    dataset: null,
    accuracy: 0.8,
    backend: 'wasm',
    savedAt: '2025-01-01T10:00:00.000Z',
  };
}

export function savedModel(id: string, name = `model ${id}`): SavedModelEntry {
  return { id, path: `/models/${id}`, meta: modelMeta(name), problem: null };
}
