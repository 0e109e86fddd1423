// The last evaluation on the test letters, the confusion-matrix cell being looked at and the
// surest mistakes. The numbers and letters come from the host (evaluation:* channels).
import type { EvaluatedLetters, EvaluationSummary } from '../../../src-main/contract/evaluation';
import type { ApiClient } from '../api/client';

/** Letters shown for one cell and in the mistakes gallery (the host sends at most 200). */
export const CELL_LIMIT = 60;
export const MISTAKES_LIMIT = 16;
/** How often the progress is asked for while an evaluation runs. */
const PROGRESS_POLL_MS = 250;

export interface CellChoice {
  truth: number;
  predicted: number;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class EvaluationState {
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** Whether the host has a trained network to evaluate. */
  modelAvailable = $state(false);
  summary = $state.raw<EvaluationSummary | null>(null);
  /** False when the summary is for an earlier network than the one in use. */
  current = $state(true);
  running = $state(false);
  progress = $state.raw<{ done: number; total: number } | null>(null);
  error = $state<string | null>(null);
  selected = $state.raw<CellChoice | null>(null);
  cell = $state.raw<EvaluatedLetters | null>(null);
  cellLoading = $state(false);
  cellError = $state<string | null>(null);
  mistakes = $state.raw<EvaluatedLetters | null>(null);

  #started = false;
  #trainingMark: string | null = null;
  #cellRequest = 0;

  /** Asks the host what there is; follows training runs (a new epoch is a new network). */
  start(): void {
    if (!this.#started) {
      this.#started = true;
      this.#api.on('training:state', (state) => {
        const mark = `${state.runId}:${state.savedEpoch}`;
        if (mark === this.#trainingMark) return;
        this.#trainingMark = mark;
        void this.refresh();
      });
    }
    void this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      const status = await this.#api.invoke('evaluation:status');
      this.modelAvailable = status.modelAvailable;
      if (status.running) return; // the run in progress reports itself
      if (status.last?.key !== this.summary?.key) await this.#show(status.last);
      if (status.last) this.current = status.lastIsCurrent;
    } catch (err) {
      this.error = messageOf(err);
    }
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.error = null;
    this.progress = null;
    const poll = setInterval(() => void this.#pollProgress(), PROGRESS_POLL_MS);
    try {
      const summary = await this.#api.invoke('evaluation:run');
      this.current = true;
      this.modelAvailable = true;
      await this.#show(summary);
    } catch (err) {
      this.error = messageOf(err);
    } finally {
      clearInterval(poll);
      this.running = false;
      this.progress = null;
    }
  }

  /** Shows the letters of one confusion-matrix cell. */
  async select(truth: number, predicted: number): Promise<void> {
    const summary = this.summary;
    if (!summary) return;
    this.selected = { truth, predicted };
    const request = ++this.#cellRequest;
    this.cellLoading = true;
    this.cellError = null;
    try {
      const cell = await this.#api.invoke('evaluation:cell', {
        true: truth,
        predicted,
        limit: CELL_LIMIT,
        key: summary.key,
      });
      if (request === this.#cellRequest) this.cell = cell;
    } catch (err) {
      if (request === this.#cellRequest) {
        this.cell = null;
        this.cellError = messageOf(err);
      }
    } finally {
      if (request === this.#cellRequest) this.cellLoading = false;
    }
  }

  closeCell(): void {
    this.#cellRequest++;
    this.selected = null;
    this.cell = null;
    this.cellLoading = false;
    this.cellError = null;
  }

  async #show(summary: EvaluationSummary | null): Promise<void> {
    const previous = this.selected;
    this.summary = summary;
    this.closeCell();
    this.mistakes = null;
    if (!summary) return;
    const mistakes = this.#api
      .invoke('evaluation:mistakes', { limit: MISTAKES_LIMIT, key: summary.key })
      .then((m) => {
        if (this.summary?.key === summary.key) this.mistakes = m;
      })
      .catch((err: unknown) => (this.error = messageOf(err)));
    if (previous) await this.select(previous.truth, previous.predicted);
    await mistakes;
  }

  async #pollProgress(): Promise<void> {
    try {
      const status = await this.#api.invoke('evaluation:status');
      if (this.running && status.running) {
        this.progress = { done: status.done, total: status.total };
      }
    } catch {
      // Progress is a nicety: the run itself reports any failure.
    }
  }
}
