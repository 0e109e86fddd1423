// TrainingState against a fake host: live batches are gathered and applied at most every
// BATCH_FLUSH_MS, an epoch or a reply applies them at once, a snapshot replaces them, and replies
// that crossed newer events never take the run back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_FLUSH_MS, TrainingState } from '../../../../src-renderer/lib/state/training.svelte';
import { FakeBridge, settle } from '../../fake-bridge';
import { batch, datasetInfo, epochRecord, snapshot, spec } from '../../fixtures';

let bridge: FakeBridge;
let training: TrainingState;

const running = snapshot({ runId: 'r1', status: 'running', targetEpochs: 3, backend: 'wasm' });

beforeEach(async () => {
  bridge = new FakeBridge().answer('training:state', running);
  training = new TrainingState(bridge.client());
  training.start();
  await settle();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('TrainingState', () => {
  it('shows the run the host has when it starts, and asks again when started again', async () => {
    expect(training.loaded).toBe(true);
    expect(training.runId).toBe('r1');
    expect(training.status).toBe('running');
    expect(training.active).toBe(true);
    training.start();
    await settle();
    expect(bridge.count('training:state')).toBe(2);
    expect(bridge.listeners('training:batch')).toBe(1);
  });

  it('applies live batches together, at most once per flush interval', async () => {
    vi.useFakeTimers();
    bridge.emit('training:batch', { runId: 'r1', progress: batch(1, 1) });
    bridge.emit('training:batch', { runId: 'r1', progress: batch(1, 2) });
    bridge.emit('training:batch', { runId: 'r1', progress: batch(1, 3) });
    expect(training.batchCurve).toEqual([]);
    expect(training.lastBatch).toBeNull();

    await vi.advanceTimersByTimeAsync(BATCH_FLUSH_MS - 1);
    expect(training.batchCurve).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(training.batchCurve.map((p) => p[0])).toEqual([1, 2, 3]);
    // The curve is the epoch's running mean (loss, acc), not the batch alone.
    expect(training.batchCurve[2]).toEqual([3, batch(1, 3).loss, batch(1, 3).acc]);
    expect(training.lastBatch).toEqual(batch(1, 3));

    // The next batch starts a new interval of its own.
    bridge.emit('training:batch', { runId: 'r1', progress: batch(1, 4) });
    await vi.advanceTimersByTimeAsync(BATCH_FLUSH_MS - 1);
    expect(training.batchCurve).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(training.batchCurve).toHaveLength(4);
  });

  it('applies waiting batches before an epoch ends, and adds each epoch once', () => {
    vi.useFakeTimers();
    bridge.emit('training:batch', { runId: 'r1', progress: batch(1, 9) });
    bridge.emit('training:batch', { runId: 'r1', progress: batch(1, 10) });
    bridge.emit('training:epoch', { runId: 'r1', record: epochRecord(1) });
    expect(training.batchCurve.map((p) => p[0])).toEqual([9, 10]);
    expect(training.lastBatch).toEqual(batch(1, 10));
    expect(training.history).toEqual([epochRecord(1)]);
    bridge.emit('training:epoch', { runId: 'r1', record: epochRecord(1) });
    expect(training.history).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('drops waiting batches when a snapshot arrives: the snapshot has them already', async () => {
    vi.useFakeTimers();
    bridge.emit('training:batch', { runId: 'r1', progress: batch(1, 5) });
    bridge.emit(
      'training:state',
      snapshot({ ...running, batchCurve: [[1, 0.5, 0.5]], lastBatch: batch(1, 1) }),
    );
    await vi.advanceTimersByTimeAsync(BATCH_FLUSH_MS);
    expect(training.batchCurve).toEqual([[1, 0.5, 0.5]]);
    expect(training.lastBatch).toEqual(batch(1, 1));
  });

  it('ignores batches and epochs of another run', async () => {
    vi.useFakeTimers();
    bridge.emit('training:batch', { runId: 'old', progress: batch(1, 1) });
    bridge.emit('training:epoch', { runId: 'old', record: epochRecord(1) });
    await vi.advanceTimersByTimeAsync(BATCH_FLUSH_MS);
    expect(training.batchCurve).toEqual([]);
    expect(training.history).toEqual([]);
  });

  it('keeps newer events when a reply about the same run arrives after them', async () => {
    bridge.hold('training:pause');
    const pausing = training.pause();
    expect(training.pending).toBe('pause');
    const request = await bridge.next('training:pause');
    bridge.emit('training:batch', { runId: 'r1', progress: batch(2, 3) });
    bridge.emit('training:epoch', { runId: 'r1', record: epochRecord(1) });
    bridge.emit('training:state', { ...running, status: 'paused', history: [epochRecord(1)] });
    // The reply was made before those events: older curve, no epoch.
    request.answer({ ...running, status: 'running' });
    await pausing;
    expect(training.pending).toBeNull();
    expect(training.status).toBe('paused');
    expect(training.history).toEqual([epochRecord(1)]);
  });

  it('takes a reply about a new run whole', async () => {
    bridge.answer('training:start', snapshot({ runId: 'r2', status: 'starting', targetEpochs: 5 }));
    await training.train(spec());
    expect(bridge.calls.at(-1)).toEqual({ channel: 'training:start', payload: { spec: spec() } });
    expect(training.runId).toBe('r2');
    expect(training.status).toBe('starting');
    expect(training.targetEpochs).toBe(5);
    expect(training.backend).toBeNull();
  });

  it('drops the reply to Stop when the stopped run’s state came first (a lower seq)', async () => {
    bridge.hold('training:stop');
    const stopping = training.stop();
    const request = await bridge.next('training:stop');
    const curve: [number, number, number][] = [[10, 0.5, 0.8]];
    bridge.emit(
      'training:state',
      snapshot({
        ...running,
        seq: 7,
        status: 'stopped',
        history: [epochRecord(1)],
        batchCurve: curve,
        savedEpoch: 1,
        stoppedAt: { epoch: 2, batch: 4, batches: 10 },
      }),
    );
    request.answer({
      ...running,
      seq: 6,
      status: 'stopping',
      history: [epochRecord(1)],
      batchCurve: [...curve, [14, 0.4, 0.85]],
    });
    await stopping;
    expect(training.status).toBe('stopped');
    expect(training.batchCurve).toEqual(curve);
    expect(training.stoppedAt).toEqual({ epoch: 2, batch: 4, batches: 10 });
  });

  it('reopens the run’s letters through the host, and shows why when it cannot', async () => {
    bridge.answer('training:reopen-letters', datasetInfo());
    await training.reopenLetters();
    expect(bridge.calls.at(-1)).toEqual({ channel: 'training:reopen-letters', payload: undefined });
    expect(training.error).toBeNull();
    bridge.refuse('training:reopen-letters', 'file.not-found', 'There is no file at /x.mat.');
    await training.reopenLetters();
    expect(training.error).toBe('There is no file at /x.mat.');
    expect(training.pending).toBeNull();
  });

  it('shows why a request was refused until dismissed, and frees the button', async () => {
    bridge.refuse('training:more', 'training.busy', 'A network is training already.');
    await training.more(3);
    expect(bridge.calls.at(-1)?.payload).toEqual({ epochs: 3 });
    expect(training.error).toBe('A network is training already.');
    expect(training.pending).toBeNull();
    training.dismissError();
    expect(training.error).toBeNull();
  });
});
