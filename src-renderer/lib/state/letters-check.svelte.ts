// How does the network do on my letters, and teaching it my handwriting: the network in use, a
// check on every letter of a file beside its score on the printed letters, the letters behind a
// confusion-matrix cell and the surest mistakes, and a teaching run with its before and after.
import type { EvaluatedLetters } from '../../../src-main/contract/evaluation';
import type {
  LettersEvaluation,
  LettersTarget,
  LettersWhich,
  TeachMode,
} from '../../../src-main/contract/letters';
import type { PredictModelInfo } from '../../../src-main/contract/predict';
import type { TrainingState } from '../../../src-main/contract/training-api';
import type { ApiClient } from '../api/client';
import type { CellChoice } from './evaluation.svelte';

export const CHECK_CELL_LIMIT = 40;
export const CHECK_MISTAKES_LIMIT = 12;
/** The shares of every batch the camper can give their letters (1 in 10, 1 in 4, 1 in 2). */
export const SHARES = [0.1, 0.25, 0.5] as const;
export const DEFAULT_EPOCHS: Record<TeachMode, number> = { mixed: 2, only: 10 };
export const MAX_EPOCHS = 50;
const ACTIVE = ['starting', 'running', 'paused', 'stopping'];

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class LettersCheckState {
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  model = $state.raw<PredictModelInfo | null>(null);
  modelKnown = $state(false);

  target = $state<LettersTarget>('mine');
  result = $state.raw<LettersEvaluation | null>(null);
  checking = $state(false);
  checkError = $state<string | null>(null);
  selected = $state.raw<CellChoice | null>(null);
  cell = $state.raw<EvaluatedLetters | null>(null);
  mistakes = $state.raw<EvaluatedLetters | null>(null);

  which = $state<LettersWhich>('mine');
  mode = $state<TeachMode>('mixed');
  share = $state<number>(0.25);
  epochs = $state(DEFAULT_EPOCHS.mixed);
  /** The last teaching run's state (live while it trains). */
  run = $state.raw<TrainingState | null>(null);
  /** Whether any run is training now (then no new one can start). */
  trainingBusy = $state(false);
  teachError = $state<string | null>(null);
  starting = $state(false);

  #started = false;
  #modelMark = '';
  #cellRequest = 0;

  /** True when the shown check was of another network than the one in use now. */
  get stale(): boolean {
    const result = this.result;
    const model = this.model;
    if (!result || !model) return false;
    return result.model.name !== model.name || result.model.epochs !== model.epochs;
  }

  get teaching(): boolean {
    return this.run !== null && ACTIVE.includes(this.run.status);
  }

  start(): void {
    if (!this.#started) {
      this.#started = true;
      this.#api.on('training:state', (state) => this.#onTraining(state));
      void this.#api
        .invoke('training:state')
        .then((state) => this.#onTraining(state))
        .catch(() => undefined);
    }
    void this.refreshModel();
  }

  async refreshModel(): Promise<void> {
    try {
      this.model = await this.#api.invoke('predict:model');
    } catch {
      this.model = null;
    } finally {
      this.modelKnown = true;
    }
  }

  setMode(mode: TeachMode): void {
    this.mode = mode;
    this.epochs = DEFAULT_EPOCHS[mode];
  }

  /** The network in use on every letter of the chosen file. */
  async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    this.checkError = null;
    try {
      const result = await this.#api.invoke('letters:evaluate', { target: this.target });
      this.result = result;
      this.closeCell();
      this.mistakes = await this.#api.invoke('letters:evaluation-mistakes', {
        key: result.key,
        limit: CHECK_MISTAKES_LIMIT,
      });
    } catch (err) {
      this.checkError = messageOf(err);
    } finally {
      this.checking = false;
    }
  }

  async selectCell(truth: number, predicted: number): Promise<void> {
    const result = this.result;
    if (!result) return;
    this.selected = { truth, predicted };
    const request = ++this.#cellRequest;
    try {
      const cell = await this.#api.invoke('letters:evaluation-cell', {
        key: result.key,
        true: truth,
        predicted,
        limit: CHECK_CELL_LIMIT,
      });
      if (request === this.#cellRequest) this.cell = cell;
    } catch (err) {
      if (request === this.#cellRequest) this.checkError = messageOf(err);
    }
  }

  closeCell(): void {
    this.#cellRequest++;
    this.selected = null;
    this.cell = null;
  }

  /** Starts a new run that teaches the network in use with the chosen letters. */
  async teach(): Promise<boolean> {
    if (this.starting) return false;
    this.starting = true;
    this.teachError = null;
    try {
      this.run = await this.#api.invoke('letters:teach', {
        which: this.which,
        mode: this.mode,
        share: this.share,
        epochs: this.epochs,
      });
      this.trainingBusy = true;
      return true;
    } catch (err) {
      this.teachError = messageOf(err);
      return false;
    } finally {
      this.starting = false;
    }
  }

  stop(): void {
    void this.#api.invoke('training:stop').catch((err: unknown) => {
      this.teachError = messageOf(err);
    });
  }

  #onTraining(state: TrainingState): void {
    this.trainingBusy = ACTIVE.includes(state.status);
    if (state.teaching && (state.runId === this.run?.runId || !this.run || !this.teaching)) {
      this.run = state;
    }
    const mark = `${state.runId}:${state.savedEpoch}:${state.status}`;
    if (mark !== this.#modelMark) {
      this.#modelMark = mark;
      void this.refreshModel();
    }
  }
}
