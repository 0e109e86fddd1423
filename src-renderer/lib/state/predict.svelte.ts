// The Predict tab: the network in use, random test letters with its answers, the camper's drawing
// with live answers, and the look inside (activation maps, filters) for a drawing or a test letter.
import type {
  ActivationsResponse,
  PredictModelInfo,
  Prediction,
  SamplesResponse,
} from '../../../src-main/contract/predict';
import type { TrainingState } from '../../../src-main/contract/training-api';
import type { ApiClient } from '../api/client';

/** Test letters shown at once (the notebook's show_predictions shows a handful). */
export const SAMPLE_COUNT = 8;
const SEED_LIMIT = 2 ** 32;
/**
 * The look inside a drawing waits this long after a stroke's answer, and a new stroke cancels it:
 * while the camper keeps drawing, the host answers the bars first.
 */
const INSIDE_DELAY_MS = 250;

/** One stroke of the drawing, in the drawing canvas's own pixels. */
export interface Stroke {
  width: number;
  points: [number, number][];
}

/** What the drawing turned into: the network's picture, or why there is none. */
export type DrawnPicture =
  | { kind: 'empty' }
  | { kind: 'blank' }
  | { kind: 'too-small'; size: number; minimum: number }
  | { kind: 'ready'; levels: number[] };

export type InsideSource = { kind: 'drawing' } | { kind: 'letter'; index: number };

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function randomSeed(): number {
  return Math.floor(Math.random() * SEED_LIMIT);
}

export class PredictState {
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  model = $state.raw<PredictModelInfo | null>(null);
  /** False until the host said which network there is (or that there is none). */
  modelKnown = $state(false);
  modelError = $state<string | null>(null);

  samples = $state.raw<SamplesResponse | null>(null);
  samplesSeed = $state(randomSeed());
  samplesLoading = $state(false);
  samplesError = $state<string | null>(null);

  strokes = $state.raw<Stroke[]>([]);
  brush = $state(24);
  picture = $state.raw<DrawnPicture>({ kind: 'empty' });
  prediction = $state.raw<Prediction | null>(null);
  predictionError = $state<string | null>(null);
  /** How many answers for the drawing have come back (they also come while a stroke goes on). */
  answers = $state(0);
  /** Milliseconds from the end of each stroke to the bars showing its answer, latest last. */
  latencies = $state.raw<number[]>([]);

  insideSource = $state.raw<InsideSource>({ kind: 'drawing' });
  /** The test letter looked inside last, to go back to it. */
  lastLetter = $state<number | null>(null);
  inside = $state.raw<ActivationsResponse | null>(null);
  insideLoading = $state(false);
  insideError = $state<string | null>(null);

  #started = false;
  #modelKey = '';
  #sent = 0;
  #applied = 0;
  /** The request answering the last stroke end, and when that stroke ended. */
  #strokeEnd: { seq: number; at: number } | null = null;
  #insideRequest = 0;
  #insideTimer: ReturnType<typeof setTimeout> | undefined;
  #samplesRequest = 0;

  /** Follows training (a newly saved epoch is a new network) and the open letters. */
  start(): void {
    if (this.#started) {
      void this.refreshModel();
      return;
    }
    this.#started = true;
    const client = this.#api;
    client.on('training:state', (state) => this.#onTraining(state));
    client.on('dataset:changed', () => {
      void this.refreshModel().then(() => this.loadSamples());
    });
    void this.refreshModel().then(() => this.loadSamples());
  }

  async refreshModel(): Promise<void> {
    try {
      const model = await this.#api.invoke('predict:model');
      const changed = JSON.stringify(model) !== JSON.stringify(this.model);
      this.model = model;
      this.modelError = null;
      if (changed && model) await this.#networkChanged();
    } catch (err) {
      this.model = null;
      this.modelError = messageOf(err);
    } finally {
      this.modelKnown = true;
    }
  }

  /** Other random test letters. */
  reshuffle(): Promise<void> {
    this.samplesSeed = randomSeed();
    return this.loadSamples();
  }

  async loadSamples(): Promise<void> {
    if (!this.model) {
      this.samples = null;
      return;
    }
    const request = ++this.#samplesRequest;
    this.samplesLoading = true;
    try {
      const samples = await this.#api.invoke('predict:samples', {
        count: SAMPLE_COUNT,
        seed: this.samplesSeed,
      });
      if (request !== this.#samplesRequest) return;
      this.samples = samples;
      this.samplesError = null;
    } catch (err) {
      if (request === this.#samplesRequest) {
        this.samples = null;
        this.samplesError = messageOf(err);
      }
    } finally {
      if (request === this.#samplesRequest) this.samplesLoading = false;
    }
  }

  /**
   * The drawing changed: show its picture and ask the network. `final` is a change that is not in
   * the middle of a stroke (a stroke ended, undo, clear); `strokeEndAt` (a performance.now() time)
   * marks the end of a stroke, whose answer's delay is measured.
   */
  async setPicture(
    picture: DrawnPicture,
    { final = true, strokeEndAt }: { final?: boolean; strokeEndAt?: number } = {},
  ): Promise<void> {
    this.picture = picture;
    clearTimeout(this.#insideTimer);
    if (picture.kind !== 'ready') {
      ++this.#sent;
      this.#applied = this.#sent;
      this.#strokeEnd = null;
      this.prediction = null;
      this.predictionError = null;
      if (this.insideSource.kind === 'drawing') this.inside = null;
      return;
    }
    if (!this.model) return;
    const seq = ++this.#sent;
    if (strokeEndAt !== undefined) this.#strokeEnd = { seq, at: strokeEndAt };
    try {
      const prediction = await this.#api.invoke('predict:pixels', { pixels: picture.levels });
      if (seq <= this.#applied) return;
      this.#applied = seq;
      this.answers++;
      this.prediction = prediction;
      this.predictionError = null;
    } catch (err) {
      if (seq > this.#applied) {
        this.#applied = seq;
        this.predictionError = messageOf(err);
      }
      return;
    }
    if (final && this.insideSource.kind === 'drawing') {
      clearTimeout(this.#insideTimer);
      this.#insideTimer = setTimeout(() => void this.loadInside(), INSIDE_DELAY_MS);
    }
  }

  /** The chart drew `this.prediction`: if it answers the last stroke end, record the delay. */
  barsDrawn(): void {
    const end = this.#strokeEnd;
    if (!end || this.#applied < end.seq) return;
    this.#strokeEnd = null;
    this.latencies = [...this.latencies.slice(-49), performance.now() - end.at];
  }

  addStroke(stroke: Stroke): void {
    this.strokes = [...this.strokes, stroke];
  }

  undo(): void {
    this.strokes = this.strokes.slice(0, -1);
  }

  clear(): void {
    this.strokes = [];
  }

  showInside(source: InsideSource): Promise<void> {
    this.insideSource = source;
    if (source.kind === 'letter') this.lastLetter = source.index;
    this.inside = null;
    return this.loadInside();
  }

  async loadInside(): Promise<void> {
    const source = this.insideSource;
    if (!this.model?.hasConv && !this.model?.mapLayers.length) {
      this.inside = null;
      return;
    }
    let request: { pixels: number[] } | { index: number };
    if (source.kind === 'letter') request = { index: source.index };
    else if (this.picture.kind === 'ready') request = { pixels: this.picture.levels };
    else {
      this.inside = null;
      return;
    }
    const id = ++this.#insideRequest;
    this.insideLoading = true;
    try {
      const inside = await this.#api.invoke('predict:activations', request);
      if (id !== this.#insideRequest) return;
      this.inside = inside;
      this.insideError = null;
    } catch (err) {
      if (id === this.#insideRequest) this.insideError = messageOf(err);
    } finally {
      if (id === this.#insideRequest) this.insideLoading = false;
    }
  }

  /** A new network: everything it answered before is stale. */
  async #networkChanged(): Promise<void> {
    const picture = this.picture;
    await Promise.all([
      this.loadSamples(),
      picture.kind === 'ready' ? this.setPicture(picture, { final: false }) : Promise.resolve(),
      this.loadInside(),
    ]);
  }

  #onTraining(state: TrainingState): void {
    const key = `${state.runId}:${state.savedEpoch}:${state.status}`;
    if (key === this.#modelKey) return;
    this.#modelKey = key;
    void this.refreshModel();
  }
}
