// The lab notebook as the renderer sees it: every recorded run (main records them by itself from
// a run's start to its end and says `runs:changed`), the runs picked for comparing and their comparison.
import type {
  RunComparison,
  RunEntry,
  RunRecord,
  RunUpdate,
} from '../../../src-main/contract/runs';
import type { ApiClient } from '../api/client';

/** The most runs compared at once (the host refuses more). */
export const MAX_PICKED = 8;

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class NotebookState {
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  entries = $state.raw<RunEntry[]>([]);
  loaded = $state(false);
  /** Why the last request failed (the host's message), until the next one. */
  error = $state<string | null>(null);
  /** Ids of the runs picked for comparing, in the order they were picked. */
  picked = $state.raw<string[]>([]);
  comparison = $state.raw<RunComparison | null>(null);

  #started = false;
  #listRequest = 0;
  #compareRequest = 0;

  /** The picked runs that have a record, oldest first (as the comparison lists them). */
  get pickedRecords(): RunRecord[] {
    return this.entries
      .filter((e) => e.record !== null && this.picked.includes(e.id))
      .map((e) => e.record as RunRecord)
      .sort(
        (a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.id.localeCompare(b.id),
      );
  }

  start(): void {
    if (this.#started) {
      void this.refresh();
      return;
    }
    this.#started = true;
    this.#api.on('runs:changed', () => void this.refresh());
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const request = ++this.#listRequest;
    try {
      const entries = await this.#api.invoke('runs:list');
      if (request !== this.#listRequest) return;
      this.entries = entries;
      const usable = entries.filter((e) => e.record).map((e) => e.id);
      if (this.picked.some((id) => !usable.includes(id))) {
        this.picked = this.picked.filter((id) => usable.includes(id));
      }
      this.loaded = true;
    } catch (err) {
      if (request === this.#listRequest) this.error = messageOf(err);
    }
  }

  isPicked(id: string): boolean {
    return this.picked.includes(id);
  }

  /** Picks or unpicks a run; false when MAX_PICKED are picked already. */
  toggle(id: string): boolean {
    if (this.picked.includes(id)) {
      this.picked = this.picked.filter((p) => p !== id);
      return true;
    }
    if (this.picked.length >= MAX_PICKED) return false;
    this.picked = [...this.picked, id];
    return true;
  }

  clearPicked(): void {
    this.picked = [];
  }

  async update(change: RunUpdate): Promise<boolean> {
    this.error = null;
    try {
      const entry = await this.#api.invoke('runs:update', change);
      this.entries = this.entries.map((e) => (e.id === entry.id ? entry : e));
      return true;
    } catch (err) {
      this.error = messageOf(err);
      return false;
    }
  }

  async remove(id: string): Promise<boolean> {
    this.error = null;
    try {
      await this.#api.invoke('runs:delete', { id });
      this.picked = this.picked.filter((p) => p !== id);
      this.entries = this.entries.filter((e) => e.id !== id);
      return true;
    } catch (err) {
      this.error = messageOf(err);
      return false;
    }
  }

  /** Saves a run's autosaved network (e.g. of an interrupted run); its name, or null on failure. */
  async keepModel(id: string): Promise<string | null> {
    this.error = null;
    try {
      const saved = await this.#api.invoke('runs:keep-model', { id });
      return saved.meta?.name ?? id;
    } catch (err) {
      this.error = messageOf(err);
      return null;
    }
  }

  /** Asks the host to compare the picked runs, with the texts in `lang`. */
  async compare(lang: 'en' | 'pl'): Promise<void> {
    const ids = this.pickedRecords.map((r) => r.id);
    const request = ++this.#compareRequest;
    if (ids.length === 0) {
      this.comparison = null;
      return;
    }
    try {
      const comparison = await this.#api.invoke('runs:compare', { ids, lang });
      if (request === this.#compareRequest) this.comparison = comparison;
    } catch (err) {
      if (request === this.#compareRequest) {
        this.comparison = null;
        this.error = messageOf(err);
      }
    }
  }
}
