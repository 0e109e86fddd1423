// EvaluationState against a fake host: replies that arrive late or out of order never show letters
// of another cell or another evaluation, progress is polled only while a run goes on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvaluationStatus } from '../../../../src-main/contract/evaluation';
import {
  CELL_LIMIT,
  EvaluationState,
  MISTAKES_LIMIT,
} from '../../../../src-renderer/lib/state/evaluation.svelte';
import { FakeBridge, settle } from '../../fake-bridge';
import { evaluated, evaluationSummary, snapshot } from '../../fixtures';

function status(patch: Partial<EvaluationStatus> = {}): EvaluationStatus {
  return {
    modelAvailable: true,
    running: false,
    done: 0,
    total: 0,
    last: null,
    lastIsCurrent: true,
    ...patch,
  };
}

let bridge: FakeBridge;
let evaluation: EvaluationState;

beforeEach(() => {
  bridge = new FakeBridge();
  evaluation = new EvaluationState(bridge.client());
});

afterEach(() => {
  vi.useRealTimers();
});

/** The host's last evaluation 'k1' is shown; cell requests wait for the test to answer them. */
async function showingK1WithCellsHeld(): Promise<void> {
  bridge
    .answer('evaluation:status', status({ last: evaluationSummary('k1') }))
    .answer('evaluation:mistakes', evaluated('k1', 90))
    .hold('evaluation:cell');
  evaluation.start();
  await settle();
}

describe('EvaluationState', () => {
  it('shows the host’s last evaluation with its surest mistakes when it starts', async () => {
    bridge
      .answer('evaluation:status', status({ last: evaluationSummary('k1'), lastIsCurrent: false }))
      .answer('evaluation:mistakes', ({ key }) => evaluated(key ?? '', 50));
    evaluation.start();
    await settle();
    expect(evaluation.summary?.key).toBe('k1');
    expect(evaluation.current).toBe(false);
    expect(evaluation.mistakes?.items.map((l) => l.index)).toEqual([50, 51]);
    expect(bridge.calls.find((c) => c.channel === 'evaluation:mistakes')?.payload).toEqual({
      limit: MISTAKES_LIMIT,
      key: 'k1',
    });
  });

  it('follows training only when a new network is saved', async () => {
    bridge.answer('evaluation:status', status());
    evaluation.start();
    await settle();
    expect(bridge.count('evaluation:status')).toBe(1);
    bridge.emit('training:state', snapshot({ runId: 'r1', status: 'running', savedEpoch: 1 }));
    bridge.emit('training:state', snapshot({ runId: 'r1', status: 'paused', savedEpoch: 1 }));
    await settle();
    expect(bridge.count('evaluation:status')).toBe(2);
    bridge.emit('training:state', snapshot({ runId: 'r1', status: 'running', savedEpoch: 2 }));
    await settle();
    expect(bridge.count('evaluation:status')).toBe(3);
  });

  it('keeps only the last cell asked for when replies come back in the other order', async () => {
    await showingK1WithCellsHeld();

    const first = evaluation.select(0, 1);
    const second = evaluation.select(2, 3);
    const slow = await bridge.next('evaluation:cell');
    const fast = await bridge.next('evaluation:cell');
    expect(slow.payload).toEqual({ true: 0, predicted: 1, limit: CELL_LIMIT, key: 'k1' });
    expect(fast.payload).toEqual({ true: 2, predicted: 3, limit: CELL_LIMIT, key: 'k1' });

    fast.answer(evaluated('k1', 20));
    await second;
    expect(evaluation.cell?.items[0].index).toBe(20);
    expect(evaluation.cellLoading).toBe(false);

    slow.answer(evaluated('k1', 10));
    await first;
    expect(evaluation.selected).toEqual({ truth: 2, predicted: 3 });
    expect(evaluation.cell?.items[0].index).toBe(20);
    expect(evaluation.cellLoading).toBe(false);
  });

  it('ignores a late failure of a cell that was asked for before another', async () => {
    await showingK1WithCellsHeld();
    const first = evaluation.select(0, 1);
    const second = evaluation.select(1, 0);
    const slow = await bridge.next('evaluation:cell');
    (await bridge.next('evaluation:cell')).answer(evaluated('k1', 30));
    await second;
    slow.refuse('api.internal', 'The evaluation was replaced.');
    await first;
    expect(evaluation.cellError).toBeNull();
    expect(evaluation.cell?.items[0].index).toBe(30);
  });

  it('drops a cell that answers after it was closed', async () => {
    await showingK1WithCellsHeld();
    const pending = evaluation.select(4, 4);
    const request = await bridge.next('evaluation:cell');
    evaluation.closeCell();
    request.answer(evaluated('k1', 40));
    await pending;
    expect(evaluation.selected).toBeNull();
    expect(evaluation.cell).toBeNull();
    expect(evaluation.cellLoading).toBe(false);
  });

  it('drops mistakes of an evaluation that was replaced while they were on their way', async () => {
    bridge
      .answer('evaluation:status', status({ last: evaluationSummary('old') }))
      .hold('evaluation:mistakes')
      .answer('evaluation:run', evaluationSummary('new'));
    evaluation.start();
    const oldMistakes = await bridge.next('evaluation:mistakes');
    const run = evaluation.run();
    const newMistakes = await bridge.next('evaluation:mistakes');
    newMistakes.answer(evaluated('new', 70));
    await run;
    oldMistakes.answer(evaluated('old', 10));
    await settle();
    expect(evaluation.summary?.key).toBe('new');
    expect(evaluation.mistakes?.key).toBe('new');
  });

  it('opens the same cell again on a new evaluation, asking it for that evaluation’s letters', async () => {
    bridge
      .answer('evaluation:status', status({ last: evaluationSummary('k1') }))
      .answer('evaluation:mistakes', ({ key }) => evaluated(key ?? '', 90))
      .answer('evaluation:cell', (request) => evaluated(request.key ?? '', request.true * 10))
      .answer('evaluation:run', evaluationSummary('k2'));
    evaluation.start();
    await settle();
    await evaluation.select(3, 5);
    expect(evaluation.cell?.key).toBe('k1');
    await evaluation.run();
    expect(evaluation.selected).toEqual({ truth: 3, predicted: 5 });
    expect(evaluation.cell?.key).toBe('k2');
    expect(evaluation.cell?.items[0].index).toBe(30);
  });

  it('polls progress only while a run goes on and runs one evaluation at a time', async () => {
    vi.useFakeTimers();
    bridge
      .answer('evaluation:status', status({ running: true, done: 300, total: 1000 }))
      .hold('evaluation:run')
      .answer('evaluation:mistakes', evaluated('k3', 0));
    const run = evaluation.run();
    void evaluation.run();
    expect(bridge.count('evaluation:run')).toBe(1);
    expect(evaluation.running).toBe(true);
    expect(evaluation.progress).toBeNull();

    await vi.advanceTimersByTimeAsync(250);
    expect(bridge.count('evaluation:status')).toBe(1);
    expect(evaluation.progress).toEqual({ done: 300, total: 1000 });

    (await bridge.next('evaluation:run')).answer(evaluationSummary('k3'));
    await run;
    expect(evaluation.running).toBe(false);
    expect(evaluation.progress).toBeNull();
    expect(evaluation.summary?.key).toBe('k3');
    await vi.advanceTimersByTimeAsync(2000);
    expect(bridge.count('evaluation:status')).toBe(1);
  });

  it('shows the host’s words when a run is refused, and keeps the earlier summary', async () => {
    bridge
      .answer('evaluation:status', status({ last: evaluationSummary('k1') }))
      .answer('evaluation:mistakes', evaluated('k1', 0))
      .refuse('evaluation:run', 'training.no-dataset', 'Open some letters first.');
    evaluation.start();
    await settle();
    await evaluation.run();
    expect(evaluation.error).toBe('Open some letters first.');
    expect(evaluation.summary?.key).toBe('k1');
    expect(evaluation.running).toBe(false);
  });

  it('leaves the summary alone while the host reports a run of its own', async () => {
    bridge.answer('evaluation:status', status({ running: true, last: evaluationSummary('k9') }));
    await evaluation.refresh();
    expect(evaluation.summary).toBeNull();
    expect(bridge.count('evaluation:mistakes')).toBe(0);
  });
});
