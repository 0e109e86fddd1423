// PredictState against a fake host: the drawing's bars show the answer to the newest picture even
// when answers cross, the look inside waits for the drawing to rest, a new network is asked again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActivationsResponse } from '../../../../src-main/contract/predict';
import { PredictState, SAMPLE_COUNT } from '../../../../src-renderer/lib/state/predict.svelte';
import { FakeBridge, settle } from '../../fake-bridge';
import { letter, modelInfo, prediction, snapshot } from '../../fixtures';

let bridge: FakeBridge;
let predict: PredictState;

const picture = (level: number) => ({ kind: 'ready' as const, levels: [level, 0, 0] });

function inside(predicted: number): ActivationsResponse {
  return { ...prediction(predicted), input: [], label: null, layers: [], filters: null };
}

beforeEach(async () => {
  bridge = new FakeBridge()
    .answer('predict:model', modelInfo())
    .answer('predict:samples', ({ count }) => ({
      letters: Array.from({ length: count }, (_, i) => ({
        ...prediction(i % 10),
        image: letter(i),
      })),
      classNames: modelInfo().classNames,
      sameSplit: true,
      testCount: 20,
    }));
  predict = new PredictState(bridge.client());
  predict.start();
  await settle();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('PredictState', () => {
  it('knows the network and shows its answers for random test letters', () => {
    expect(predict.modelKnown).toBe(true);
    expect(predict.model?.name).toBe('ConvNet');
    expect(predict.samples?.letters).toHaveLength(SAMPLE_COUNT);
    expect(bridge.calls.find((c) => c.channel === 'predict:samples')?.payload).toEqual({
      count: SAMPLE_COUNT,
      seed: predict.samplesSeed,
    });
  });

  it('shows the answer to the newest drawing when an older answer comes back last', async () => {
    bridge.hold('predict:pixels');
    const older = predict.setPicture(picture(1), { final: false });
    const newer = predict.setPicture(picture(2), { final: false });
    const slow = await bridge.next('predict:pixels');
    const fast = await bridge.next('predict:pixels');
    expect(fast.payload).toEqual({ pixels: [2, 0, 0] });
    fast.answer(prediction(2));
    await newer;
    slow.answer(prediction(1));
    await older;
    expect(predict.prediction?.predicted).toBe(2);
    expect(predict.answers).toBe(1);
  });

  it('clears the bars at once when the drawing is wiped, whatever comes back after', async () => {
    bridge.hold('predict:pixels');
    const asking = predict.setPicture(picture(3));
    const request = await bridge.next('predict:pixels');
    await predict.setPicture({ kind: 'empty' });
    request.answer(prediction(3));
    await asking;
    expect(predict.prediction).toBeNull();
    expect(predict.picture).toEqual({ kind: 'empty' });
  });

  it('looks inside a drawing only once it rests, and a new stroke puts that off', async () => {
    vi.useFakeTimers();
    bridge
      .answer('predict:pixels', ({ pixels }) => prediction(pixels[0]))
      .answer('predict:activations', () => inside(5));
    await predict.setPicture(picture(4));
    await vi.advanceTimersByTimeAsync(200);
    await predict.setPicture(picture(5));
    await vi.advanceTimersByTimeAsync(200);
    expect(bridge.count('predict:activations')).toBe(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(bridge.count('predict:activations')).toBe(1);
    expect(bridge.calls.at(-1)?.payload).toEqual({ pixels: [5, 0, 0] });
    expect(predict.inside?.predicted).toBe(5);
  });

  it('records how long the bars took after a stroke ended, once per stroke', async () => {
    bridge.answer('predict:pixels', () => prediction(0));
    const end = performance.now() - 40;
    await predict.setPicture(picture(1), { strokeEndAt: end });
    predict.barsDrawn();
    predict.barsDrawn();
    expect(predict.latencies).toHaveLength(1);
    expect(predict.latencies[0]).toBeGreaterThanOrEqual(40);
  });

  it('asks again for everything when training saves a new network', async () => {
    bridge.answer('predict:pixels', () => prediction(1));
    await predict.setPicture(picture(1), { final: false });
    bridge.answer('predict:model', modelInfo({ epochs: 3 }));
    bridge.answer('predict:pixels', () => prediction(7));
    const samples = bridge.count('predict:samples');
    bridge.emit('training:state', snapshot({ runId: 'r1', status: 'running', savedEpoch: 3 }));
    bridge.emit('training:state', snapshot({ runId: 'r1', status: 'running', savedEpoch: 3 }));
    await settle();
    expect(bridge.count('predict:model')).toBe(2);
    expect(predict.model?.epochs).toBe(3);
    expect(bridge.count('predict:samples')).toBe(samples + 1);
    expect(predict.prediction?.predicted).toBe(7);
  });

  it('says why there is no network instead of showing letters', async () => {
    bridge.refuse('predict:model', 'model.corrupt', 'The saved network is damaged.');
    await predict.refreshModel();
    expect(predict.model).toBeNull();
    expect(predict.modelError).toBe('The saved network is damaged.');
    await predict.loadSamples();
    expect(predict.samples).toBeNull();
  });
});
