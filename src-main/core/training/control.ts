// Stop / pause / resume for a running training loop. The loop awaits `checkpoint()` between
// batches: it resolves at once while running, waits while paused, and says 'stop' once stopped.

export type Checkpoint = 'continue' | 'stop';

export class TrainControl {
  private stopped = false;
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;
  private readonly listeners = new Set<(paused: boolean) => void>();

  /** Stop after the current batch; the weights keep every finished batch. */
  stop(): void {
    this.stopped = true;
    this.release();
  }

  /** Hold the loop before its next batch until resume() or stop(). */
  pause(): void {
    if (this.stopped || this.gate) return;
    this.gate = new Promise((resolve) => {
      this.openGate = resolve;
    });
    this.listeners.forEach((l) => l(true));
  }

  resume(): void {
    this.release();
  }

  get isPaused(): boolean {
    return this.gate !== null;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Called with true on pause and false on resume; returns an unsubscribe function. */
  onPauseChange(listener: (paused: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Where the loop waits between batches. Always yields one macrotask first, so messages that ask
   * for a stop or pause (IPC, timers) get handled while training runs.
   */
  async checkpoint(): Promise<Checkpoint> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.gate && !this.stopped) await this.gate;
    return this.stopped ? 'stop' : 'continue';
  }

  private release(): void {
    const open = this.openGate;
    const wasPaused = this.gate !== null;
    this.gate = null;
    this.openGate = null;
    open?.();
    if (wasPaused) this.listeners.forEach((l) => l(false));
  }
}
