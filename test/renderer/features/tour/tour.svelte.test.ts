// TourState against a fake host: the guided first run opens by itself only until it was done once.
import { describe, expect, it } from 'vitest';
import { TOUR_STEPS } from '../../../../src-renderer/features/tour/steps';
import { TourState } from '../../../../src-renderer/features/tour/tour.svelte';
import { FakeBridge, settle } from '../../fake-bridge';

describe('TourState', () => {
  it('opens on the first launch and is kept as done when closed', async () => {
    const bridge = new FakeBridge()
      .answer('runs:tour-state', { done: false })
      .answer('runs:tour-done', ({ done }) => ({ done }));
    const tour = new TourState(bridge.client());
    expect(tour.known).toBe(false);
    await tour.init();
    expect(tour.known).toBe(true);
    expect(tour.open).toBe(true);
    expect(tour.step).toBe(TOUR_STEPS[0]);
    tour.next();
    expect(tour.index).toBe(1);
    tour.close();
    await settle();
    expect(tour.open).toBe(false);
    expect(bridge.calls.at(-1)).toEqual({ channel: 'runs:tour-done', payload: { done: true } });
  });

  it('stays closed once done, and a host that cannot answer does not break the start', async () => {
    const done = new TourState(new FakeBridge().answer('runs:tour-state', { done: true }).client());
    await done.init();
    expect(done.open).toBe(false);
    const broken = new FakeBridge().refuse('runs:tour-state', 'api.internal', 'Not now.');
    const tour = new TourState(broken.client());
    await tour.init();
    expect(tour.open).toBe(false);
    expect(tour.known).toBe(true);
  });

  it('marks the tour done when it reaches its last card', async () => {
    const bridge = new FakeBridge().answer('runs:tour-done', ({ done }) => ({ done }));
    const tour = new TourState(bridge.client());
    tour.begin();
    for (let i = 1; i < TOUR_STEPS.length; i++) tour.next();
    await settle();
    expect(tour.step).toBe('done');
    expect(bridge.count('runs:tour-done')).toBe(1);
  });
});
