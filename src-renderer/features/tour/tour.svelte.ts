// The guided first run's state: open or not, which step. Whether it was done (finished or
// skipped) is kept by the host in the settings, so it shows by itself only on the first launch.
import type { ApiClient } from '../../lib/api/client';
import { TOUR_STEPS, type TourStepId } from './steps';

export class TourState {
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  open = $state(false);
  index = $state(0);
  /** When the tour was opened (performance.now()), to tell how long the first run took. */
  startedAt = $state(0);
  /** True once the host said whether the tour was done (or could not say): `open` is settled. */
  known = $state(false);

  get step(): TourStepId {
    return TOUR_STEPS[this.index];
  }

  /** Opens the tour on the first launch (the host has no "done" flag yet). */
  async init(): Promise<void> {
    try {
      const { done } = await this.#api.invoke('runs:tour-state');
      if (!done) this.begin();
    } catch {
      // No tour is better than a broken start: the Help button still opens it.
    } finally {
      this.known = true;
    }
  }

  begin(): void {
    this.index = 0;
    this.startedAt = performance.now();
    this.open = true;
  }

  next(): void {
    if (this.index < TOUR_STEPS.length - 1) this.index += 1;
    if (this.step === 'done') void this.#markDone();
  }

  /** Closes the tour for good (Skip, Esc, or Close on the last card). */
  close(): void {
    this.open = false;
    void this.#markDone();
  }

  async #markDone(): Promise<void> {
    try {
      await this.#api.invoke('runs:tour-done', { done: true });
    } catch {
      // Not kept: the tour shows again next time, which does no harm.
    }
  }
}
