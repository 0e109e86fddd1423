// A class collection without a network: a camper exports their letters (to a USB stick), the
// teacher merges the campers' files into one class file (duplicates refused, counts per camper),
// opens it in the Letters tab or exports it to hand it back.
import type {
  LettersExport,
  LettersSummary,
  LettersWhich,
  MergedFile,
} from '../../../src-main/contract/letters';
import type { ApiClient } from '../api/client';
import type { AppState } from './app.svelte';

/** The outcome of the last export, for the line that says where the file went. */
export interface ExportNotice {
  which: LettersWhich;
  result: LettersExport | null;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class ClassLettersState {
  readonly #api: ApiClient;
  readonly #app: AppState;

  constructor(api: ApiClient, app: AppState) {
    this.#api = api;
    this.#app = app;
  }

  summary = $state.raw<LettersSummary | null>(null);
  /** Files merged since the tab opened, newest last. */
  merged = $state.raw<MergedFile[]>([]);
  /** Files that could not be merged, with why. */
  refused = $state.raw<{ name: string; message: string }[]>([]);
  exported = $state.raw<ExportNotice | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  camper = $state('');

  #started = false;

  start(): void {
    if (!this.#started) {
      this.#started = true;
      this.#api.on('letters:changed', (change) => {
        if (change.which === 'class' && change.count !== this.summary?.count) void this.refresh();
      });
    }
    void this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      this.summary = await this.#api.invoke('letters:class');
    } catch (err) {
      this.error = messageOf(err);
    }
  }

  /** Merges campers' files one after another; a bad file is reported and the others go on. */
  async addFiles(files: readonly File[]): Promise<void> {
    await this.#task(async () => {
      for (const file of files) {
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const report = await this.#api.invoke('letters:class-add', { name: file.name, bytes });
          this.merged = [...this.merged, ...report.files];
          this.summary = report.summary;
        } catch (err) {
          this.refused = [...this.refused, { name: file.name, message: messageOf(err) }];
        }
      }
    });
  }

  async reset(): Promise<void> {
    await this.#task(async () => {
      this.summary = await this.#api.invoke('letters:class-reset');
      this.merged = [];
      this.refused = [];
    });
  }

  async exportFile(which: LettersWhich): Promise<void> {
    await this.#task(async () => {
      const camper = which === 'mine' && this.camper.trim() !== '' ? this.camper.trim() : undefined;
      const result = await this.#api.invoke('letters:export', { which, camper });
      this.exported = { which, result };
    });
  }

  /** Opens a collection in the Letters tab and goes there. */
  async open(which: LettersWhich): Promise<void> {
    await this.#task(async () => {
      await this.#api.invoke('letters:open', { which });
      this.#app.section = 'data';
    });
  }

  async #task(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      await work();
    } catch (err) {
      this.error = messageOf(err);
    } finally {
      this.busy = false;
    }
  }
}
