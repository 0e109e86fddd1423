// The Train tab's pure helpers: the per-batch curve, chart series, summaries, status rules.
import { describe, expect, it } from 'vitest';
import type { BatchProgress, EpochRecord } from '../../../../src-main/contract/training';
import type { TrainingState } from '../../../../src-main/contract/training-api';
import { en, pl, type MessageKey } from '../../../../src-renderer/lib/i18n/en';
import { format } from '../../../../src-renderer/lib/i18n/format';
import {
  MAX_CURVE_POINTS,
  appendBatches,
  globalBatch,
  laterBatch,
  type CurvePoint,
} from '../../../../src-renderer/features/training/curve';
import {
  batchSeries,
  bestEpoch,
  epochJoins,
  epochAxisMax,
  epochSeries,
} from '../../../../src-renderer/features/training/chart-data';
import {
  formatAccuracy,
  formatClock,
  formatLoss,
} from '../../../../src-renderer/features/training/format';
import {
  canContinue,
  parseMoreEpochs,
  progressPhase,
  runFraction,
  startBlock,
} from '../../../../src-renderer/features/training/run-status';
import { chartSummary } from '../../../../src-renderer/features/training/summary';
import { statusText } from '../../../../src-renderer/features/training/status-text';
import { mergeReply } from '../../../../src-renderer/features/training/snapshot';

const enT = (key: MessageKey, params?: Record<string, string | number>) => format(en[key], params);
const plT = (key: MessageKey, params?: Record<string, string | number>) => format(pl[key], params);

function batch(epoch: number, b: number, batches = 22, loss = 1, acc = 0.5): BatchProgress {
  return {
    epoch,
    batch: b,
    batches,
    loss,
    acc,
    batchLoss: loss,
    batchAcc: acc,
    samplesPerSecond: 400,
    secondsLeft: 10,
  };
}

function record(
  epoch: number,
  loss: number,
  acc: number,
  valLoss: number | null,
  valAcc: number | null,
): EpochRecord {
  return { epoch, loss, acc, valLoss, valAcc, seconds: 7, samplesPerSecond: 400 };
}

function snapshot(patch: Partial<TrainingState>): TrainingState {
  return {
    runId: 'run-1',
    status: 'running',
    spec: null,
    targetEpochs: 3,
    history: [],
    batchCurve: [],
    lastBatch: null,
    backend: 'wasm',
    message: null,
    savedEpoch: 0,
    seq: 5,
    dataset: null,
    stoppedAt: null,
    ...patch,
  };
}

describe('the per-batch curve', () => {
  it('numbers batches across epochs and skips batches it has', () => {
    expect(globalBatch(batch(1, 5))).toBe(5);
    expect(globalBatch(batch(3, 2))).toBe(46);
    const curve = appendBatches([], [batch(1, 1, 22, 2.3, 0.1), batch(1, 2, 22, 2.0, 0.2)]);
    expect(curve).toEqual([
      [1, 2.3, 0.1],
      [2, 2.0, 0.2],
    ]);
    // An event that crossed a snapshot: batch 2 again is not added twice.
    expect(appendBatches(curve, [batch(1, 2), batch(1, 3, 22, 1.8, 0.3)])).toEqual([
      ...curve,
      [3, 1.8, 0.3],
    ]);
  });

  it('draws the running mean of the epoch, not the batch alone (a 3-letter last batch)', () => {
    // The epoch's running mean is 0.41 loss / 88% accuracy; its last batch alone (3 letters)
    // happens to be 0.02 / 100%.
    const last = { ...batch(1, 118, 118, 0.41, 0.88), batchLoss: 0.02, batchAcc: 1 };
    expect(appendBatches([], [last])).toEqual([[118, 0.41, 0.88]]);
  });

  it('thins to every other point past the limit, like main does', () => {
    let curve: CurvePoint[] = [];
    const batches = Array.from({ length: MAX_CURVE_POINTS + 1 }, (_, i) => batch(1, i + 1, 10_000));
    curve = appendBatches(curve, batches);
    expect(curve.length).toBe(Math.ceil((MAX_CURVE_POINTS + 1) / 2));
    expect(curve[0][0]).toBe(1);
    expect(curve[1][0]).toBe(3);
  });

  it('tells which report is later', () => {
    expect(laterBatch(null, batch(1, 1))).toEqual(batch(1, 1));
    expect(laterBatch(batch(2, 1), batch(1, 20))?.epoch).toBe(2);
  });
});

describe('chart series', () => {
  const history = [record(1, 0.9, 0.7, 0.6, 0.82), record(2, 0.5, 0.85, null, null)];

  it('puts epochs at x = epoch and accuracy in percent', () => {
    const loss = epochSeries(history, 'loss');
    expect(loss.train).toEqual([
      { x: 1, y: 0.9 },
      { x: 2, y: 0.5 },
    ]);
    expect(loss.val).toEqual([{ x: 1, y: 0.6 }]);
    const acc = epochSeries(history, 'acc');
    expect(acc.train[1].y).toBeCloseTo(85);
    expect(acc.val[0].y).toBeCloseTo(82);
  });

  it('lists where the batch line meets each epoch point', () => {
    const train = [
      { x: 1, y: 0.8 },
      { x: 2, y: 0.5 },
    ];
    const batches = [
      { x: 0.5, y: 1.2 },
      { x: 1, y: 0.8 },
      { x: 1.5, y: 0.6 },
    ];
    expect(epochJoins(train, batches)).toBe('1:0.8:0.8');
  });

  it('puts batches at fractional epochs so the last batch of epoch 1 meets the epoch point', () => {
    const points = batchSeries(
      [
        [11, 1.2, 0.4],
        [22, 0.8, 0.6],
        [33, Number.NaN, 0.5],
      ],
      22,
      'loss',
    );
    expect(points).toEqual([
      { x: 0.5, y: 1.2 },
      { x: 1, y: 0.8 },
    ]);
    expect(batchSeries([[1, 1, 1]], 0, 'acc')).toEqual([]);
  });

  it('spans the planned epochs, or more when the run went further', () => {
    expect(epochAxisMax(10, [], [])).toBe(10);
    expect(epochAxisMax(0, [], [])).toBe(1);
    expect(epochAxisMax(2, [], [{ x: 2.3, y: 1 }])).toBe(3);
  });

  it('finds the best validation epoch', () => {
    const h = [
      record(1, 1, 0.5, 0.7, 0.8),
      record(2, 1, 0.5, 0.5, 0.79),
      record(3, 1, 0.5, 0.6, 0.9),
    ];
    expect(bestEpoch(h, 'loss')?.epoch).toBe(2);
    expect(bestEpoch(h, 'acc')?.epoch).toBe(3);
    expect(bestEpoch([record(1, 1, 1, null, null)], 'acc')).toBeNull();
  });
});

describe('numbers and summaries', () => {
  it('formats clocks, losses and accuracies in the UI language', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(83.4)).toBe('01:23');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(Number.NaN)).toBe('--:--');
    expect(formatLoss(0.4123, 'en')).toBe('0.41');
    expect(formatLoss(0.0456, 'en')).toBe('0.046');
    expect(formatLoss(0.4123, 'pl')).toBe('0,41');
    expect(formatAccuracy(0.8845, 'en')).toBe('88.5%');
    expect(formatAccuracy(0.8845, 'pl')).toMatch(/^88,5\s?%$/);
  });

  it('says the last epoch with both values and the best one when it was earlier', () => {
    const history = [record(1, 0.9, 0.7, 0.35, 0.9), record(2, 0.41, 0.88, 0.38, 0.891)];
    expect(chartSummary('loss', history, null, enT, 'en')).toBe(
      'Epoch 2: training loss 0.41, validation loss 0.38. Lowest validation loss: 0.35 after epoch 1.',
    );
    expect(chartSummary('acc', history, null, enT, 'en')).toBe(
      'Epoch 2: training accuracy 88.0%, validation accuracy 89.1%. Best validation accuracy: 90.0% after epoch 1.',
    );
    expect(chartSummary('loss', [], 1, enT, 'en')).toContain('Epoch 1 is running');
    expect(chartSummary('loss', [], null, enT, 'en')).toBe('No epoch has finished yet.');
    expect(chartSummary('acc', [record(1, 1, 0.5, null, null)], null, plT, 'pl')).toContain(
      'nie ma liter testowych',
    );
  });
});

describe('what the buttons allow', () => {
  it('refuses to start with a reason', () => {
    const base = { loaded: true, status: 'idle' as const, hasDataset: true, specHasErrors: false };
    expect(startBlock(base)).toBeNull();
    expect(startBlock({ ...base, loaded: false })).toBe('loading');
    expect(startBlock({ ...base, status: 'paused' })).toBe('busy');
    expect(startBlock({ ...base, hasDataset: false })).toBe('no-dataset');
    expect(startBlock({ ...base, specHasErrors: true })).toBe('spec-errors');
    expect(startBlock({ ...base, status: 'crashed' })).toBeNull();
  });

  it('offers more epochs only after a run with saved weights', () => {
    const base = { status: 'stopped' as const, runId: 'r', savedEpoch: 1, hasDataset: true };
    expect(canContinue(base)).toBe(true);
    expect(canContinue({ ...base, status: 'crashed' })).toBe(true);
    expect(canContinue({ ...base, status: 'running' })).toBe(false);
    expect(canContinue({ ...base, savedEpoch: 0 })).toBe(false);
    expect(canContinue({ ...base, runId: null })).toBe(false);
  });

  it('reads the epoch count the host accepts', () => {
    expect(parseMoreEpochs(' 5 ')).toBe(5);
    expect(parseMoreEpochs('100')).toBe(100);
    expect(parseMoreEpochs('0')).toBeNull();
    expect(parseMoreEpochs('101')).toBeNull();
    expect(parseMoreEpochs('2.5')).toBeNull();
    expect(parseMoreEpochs('')).toBeNull();
  });
});

describe('progress', () => {
  it('shows loading, batches, and the check on the test letters after the last batch', () => {
    expect(progressPhase('starting', batch(1, 3), []).kind).toBe('loading');
    expect(progressPhase('idle', null, []).kind).toBe('none');
    expect(progressPhase('running', batch(1, 3), []).kind).toBe('batch');
    expect(progressPhase('running', batch(1, 22), []).kind).toBe('validating');
    expect(progressPhase('running', batch(1, 22), [record(1, 1, 1, 1, 1)]).kind).toBe('batch');
  });

  it('measures the whole run, earlier epochs included', () => {
    expect(runFraction('starting', null, [], 4)).toBeNull();
    expect(runFraction('running', batch(2, 11, 22), [record(1, 1, 1, 1, 1)], 4)).toBeCloseTo(
      1.5 / 4,
    );
    expect(runFraction('finished', batch(4, 22, 22), [], 4)).toBe(1);
    // A stop keeps the last full epoch: the dropped batches of epoch 2 do not count.
    expect(runFraction('stopped', batch(2, 22, 22), [record(1, 1, 1, 1, 1)], 4)).toBeCloseTo(0.25);
    expect(runFraction('stopped', batch(1, 22, 22), [record(1, 1, 1, 1, 1)], 4)).toBeCloseTo(0.25);
    expect(progressPhase('stopped', batch(2, 5, 22), [record(1, 1, 1, 1, 1)]).kind).toBe('none');
  });
});

describe('status text', () => {
  const run = {
    message: null,
    history: [],
    lastBatch: null,
    targetEpochs: 2,
    savedEpoch: 1,
    stoppedAt: null,
  };

  it('has a sentence for every status and shows main’s reason', () => {
    const statuses = [
      'idle',
      'starting',
      'running',
      'paused',
      'stopping',
      'finished',
      'stopped',
      'failed',
      'crashed',
    ] as const;
    const texts = statuses.map((status) => statusText({ ...run, status }, enT));
    expect(new Set(texts).size).toBe(statuses.length);
    const crashed = statusText(
      {
        ...run,
        status: 'crashed',
        message: 'The training process stopped with code 1 unexpectedly.',
      },
      plT,
    );
    expect(crashed).toContain('The training process stopped with code 1');
    expect(crashed).toContain('przerwany');
    expect(statusText({ ...run, status: 'stopped' }, enT)).toBe(
      'Stopped after epoch 1. You keep the network as it was then: train more epochs or start again.',
    );
    const midEpoch = { ...run, status: 'stopped' as const, savedEpoch: 3 };
    const stoppedAt = { epoch: 4, batch: 57, batches: 117 };
    expect(statusText({ ...midEpoch, stoppedAt }, enT)).toBe(
      'Stopped during epoch 4, after 57 of its 117 batches. Those batches are not kept: you keep the network as it was at the end of epoch 3. Train more starts epoch 4 again.',
    );
    expect(statusText({ ...midEpoch, stoppedAt }, plT)).toContain('na końcu epoki 3');
    expect(statusText({ ...run, status: 'stopped', savedEpoch: 0 }, enT)).toContain(
      'nothing to continue from',
    );
    expect(
      statusText({ ...run, status: 'finished', history: [record(2, 1, 1, 1, 1)] }, enT),
    ).toContain('epoch 2');
  });
});

describe('replies and events', () => {
  it('drops a reply older than the last state event (Stop’s reply after the stopped run)', () => {
    // The stop trimmed the curve to epoch 1; the reply to Stop, sent before, still has epoch 2's
    // batches and a longer curve.
    const stopped = snapshot({
      seq: 9,
      status: 'stopped',
      history: [record(1, 1, 1, 1, 1)],
      batchCurve: [[22, 1, 0.5]],
      stoppedAt: { epoch: 2, batch: 8, batches: 22 },
    });
    const reply = snapshot({
      seq: 8,
      status: 'stopping',
      history: [record(1, 1, 1, 1, 1)],
      batchCurve: [
        [22, 1, 0.5],
        [30, 0.9, 0.6],
      ],
    });
    expect(mergeReply(stopped, reply)).toBe(stopped);
    // The same reply with the same seq as the last event is merged as before.
    expect(mergeReply({ ...stopped, seq: 8 }, reply).batchCurve).toHaveLength(2);
  });

  it('takes a reply about another run as it is', () => {
    const reply = snapshot({ runId: 'run-2', status: 'starting' });
    expect(mergeReply(snapshot({}), reply)).toBe(reply);
  });

  it('keeps newer live data and the status from events for the same run', () => {
    const local = snapshot({
      status: 'paused',
      history: [record(1, 1, 1, 1, 1)],
      batchCurve: [
        [1, 2, 0.1],
        [30, 1, 0.5],
      ],
      lastBatch: batch(2, 8),
      savedEpoch: 1,
    });
    const stale = snapshot({
      status: 'running',
      batchCurve: [[1, 2, 0.1]],
      lastBatch: batch(1, 1),
    });
    const merged = mergeReply(local, stale);
    expect(merged.status).toBe('paused');
    expect(merged.history).toHaveLength(1);
    expect(merged.batchCurve).toHaveLength(2);
    expect(merged.lastBatch).toEqual(batch(2, 8));
    expect(merged.savedEpoch).toBe(1);
  });
});
