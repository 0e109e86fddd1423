// The letters the host has open, the explorer's grid and the letter in the viewer. Other features
// (training, builder) read `dataset.info` for the input shape and the class names.
import type { DatasetInfo, DatasetProgress, LetterImage } from '../../../src-main/contract/dataset';
import type { ApiError } from '../../../src-main/contract/errors';
import type { ApiClient } from '../api/client';
import { ApiFailure } from '../api/errors';

/** Letters per class in the grid: the notebook shows 6 rows of 10 classes. */
export const GRID_PER_CLASS = 6;
/** The host refuses larger uploads (src-main/host/dataset-files.ts); refuse before sending. */
export const UPLOAD_LIMIT_BYTES = 512 * 1024 * 1024;
const SEED_LIMIT = 2 ** 32;
/** A progress report with no load of ours running is dropped after this long without another. */
const STRAY_PROGRESS_MS = 3000;

export interface GridClass {
  label: number;
  images: LetterImage[];
}

/** What the app is doing with the host, shown beside the progress bar. */
export type DatasetTask =
  | { kind: 'start' }
  | { kind: 'sample' }
  | { kind: 'choose' }
  | { kind: 'upload'; name: string; bytes: number };

export type DatasetProblem =
  | {
      kind: 'message';
      /** What to show when there is no code to explain: the localized message. */
      message: string;
      during: 'open' | 'split' | 'view';
      /** The host's refusal: its code (a headline and an explanation) and its own detail. */
      error?: ApiError;
    }
  | { kind: 'busy' }
  | { kind: 'too-large'; name: string; bytes: number }
  | { kind: 'many-files' };

export function randomSeed(): number {
  return Math.floor(Math.random() * SEED_LIMIT);
}

/** The host's error (code and its own message) when it refused, else a message. */
function problemOf(err: unknown, during: 'open' | 'split' | 'view'): DatasetProblem {
  return err instanceof ApiFailure
    ? { kind: 'message', message: err.message, during, error: err.error }
    : { kind: 'message', message: messageOf(err), during };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Whether two infos describe the same letters (a new split keeps the letters). */
function sameLetters(a: DatasetInfo | null, b: DatasetInfo): boolean {
  return (
    a !== null &&
    a.fingerprint === b.fingerprint &&
    a.count === b.count &&
    a.fileName === b.fileName &&
    a.loadMs === b.loadMs
  );
}

export class DatasetState {
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  info = $state.raw<DatasetInfo | null>(null);
  /** The operation of ours in flight; buttons wait for it. */
  task = $state.raw<DatasetTask | null>(null);
  progress = $state.raw<DatasetProgress | null>(null);
  problem = $state.raw<DatasetProblem | null>(null);
  grid = $state.raw<GridClass[] | null>(null);
  gridSeed = $state(randomSeed());
  gridLoading = $state(false);
  selectedIndex = $state(0);
  selected = $state.raw<LetterImage | null>(null);

  #started = false;
  #gridRequest = 0;
  #imageRequest = 0;
  #strayTimer: ReturnType<typeof setTimeout> | undefined;

  get busy(): boolean {
    return this.task !== null;
  }

  /** Whether to show the progress bar: our load, or one the host started by itself. */
  get showProgress(): boolean {
    if (this.task !== null) return this.task.kind !== 'choose' || this.progress !== null;
    return this.progress !== null && this.progress.fraction < 1;
  }

  /** Asks the host what is open (it opens the start-up letters by itself); safe to call again. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    const client = this.#api;
    client.on('dataset:progress', (progress) => this.#onProgress(progress));
    client.on('dataset:changed', (info) => {
      if (this.task === null) this.progress = null;
      void this.#apply(info);
    });
    void this.#run({ kind: 'start' }, () => client.invoke('dataset:current'));
  }

  openSample(): Promise<void> {
    return this.#run({ kind: 'sample' }, () => this.#api.invoke('dataset:open-sample'));
  }

  /** The desktop app's open dialog; nothing happens when the camper cancels it. */
  choose(): Promise<void> {
    return this.#run({ kind: 'choose' }, () => this.#api.invoke('dataset:choose'));
  }

  /** A file dropped on the window or picked in the page, sent to the host as bytes. */
  async upload(file: File): Promise<void> {
    if (this.busy) {
      this.problem = { kind: 'busy' };
      return;
    }
    if (file.size > UPLOAD_LIMIT_BYTES) {
      this.problem = { kind: 'too-large', name: file.name, bytes: file.size };
      return;
    }
    await this.#run({ kind: 'upload', name: file.name, bytes: file.size }, async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      return this.#api.invoke('dataset:upload', { name: file.name, bytes });
    });
  }

  /** Several files dropped at once: only one set of letters can be open. */
  refuseMany(): void {
    this.problem = { kind: 'many-files' };
  }

  dismissProblem(): void {
    this.problem = null;
  }

  /** A new split of the open letters; false (with the host's message shown) when refused. */
  async resplit(seed: number, testFraction: number): Promise<boolean> {
    try {
      await this.#apply(await this.#api.invoke('dataset:split', { seed, testFraction }));
      this.problem = null;
      return true;
    } catch (err) {
      this.problem = problemOf(err, 'split');
      return false;
    }
  }

  /** Other random letters in the grid. */
  reshuffle(): Promise<void> {
    this.gridSeed = randomSeed();
    return this.#loadGrid();
  }

  /** Shows letter `index` (clamped to the set) in the viewer. */
  async select(index: number): Promise<void> {
    const count = this.info?.count ?? 0;
    if (count === 0 || !Number.isFinite(index)) return;
    const clamped = Math.min(count - 1, Math.max(0, Math.round(index)));
    this.selectedIndex = clamped;
    const request = ++this.#imageRequest;
    try {
      const image = await this.#api.invoke('dataset:image', { index: clamped });
      if (request === this.#imageRequest) this.selected = image;
    } catch (err) {
      if (request === this.#imageRequest) {
        this.problem = problemOf(err, 'view');
      }
    }
  }

  #onProgress(progress: DatasetProgress): void {
    this.progress = progress;
    clearTimeout(this.#strayTimer);
    // A load another window started, or a late report of ours: it must not stay on screen.
    if (this.task === null) {
      this.#strayTimer = setTimeout(() => {
        if (this.task === null) this.progress = null;
      }, STRAY_PROGRESS_MS);
    }
  }

  async #run(task: DatasetTask, open: () => Promise<DatasetInfo | null>): Promise<void> {
    if (this.busy) {
      this.problem = { kind: 'busy' };
      return;
    }
    this.task = task;
    this.progress = null;
    if (task.kind !== 'start') this.problem = null;
    let info: DatasetInfo | null;
    try {
      info = await open();
    } catch (err) {
      // The letters open before stay open: the host only replaces them after a good load.
      this.problem = problemOf(err, 'open');
      return;
    } finally {
      // The host's part is done: another file may be opened while the grid and viewer fill in
      // (their late answers are dropped by request numbers).
      this.task = null;
      this.progress = null;
    }
    if (info) await this.#apply(info);
  }

  async #apply(info: DatasetInfo): Promise<void> {
    const previous = this.info;
    // An older change arriving late (an event after a newer answer) is not shown again.
    if (previous !== null && info.version < previous.version) return;
    if (previous !== null && JSON.stringify(previous) === JSON.stringify(info)) return;
    this.info = info;
    if (sameLetters(previous, info)) {
      // Same letters, new split: only the train/test marks change.
      await this.select(this.selectedIndex);
      return;
    }
    this.selected = null;
    await Promise.all([
      this.#loadGrid(),
      this.select(Math.min(this.selectedIndex, info.count - 1)),
    ]);
  }

  async #loadGrid(): Promise<void> {
    if (!this.info) return;
    const request = ++this.#gridRequest;
    this.gridLoading = true;
    try {
      const { classes } = await this.#api.invoke('dataset:grid', {
        perClass: GRID_PER_CLASS,
        seed: this.gridSeed,
      });
      if (request === this.#gridRequest) this.grid = classes;
    } catch (err) {
      if (request === this.#gridRequest) {
        this.problem = problemOf(err, 'view');
      }
    } finally {
      if (request === this.#gridRequest) this.gridLoading = false;
    }
  }
}
