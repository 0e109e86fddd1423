// The saved networks in the user's data folder, as the renderer sees them, and what the camper
// does with them. Every change asks main for the list again, so the panel shows what is on disk.
import type { ModelExport, SavedModelEntry } from '../../../src-main/contract/models';
import type { ApiClient } from '../api/client';

export type ModelsTask = 'list' | 'save' | 'load' | 'rename' | 'delete' | 'export' | 'import';

/** The last thing that happened, for the panel's status line. */
export type ModelsNotice =
  | { kind: 'saved'; name: string }
  | { kind: 'loaded'; name: string }
  | { kind: 'renamed'; name: string }
  | { kind: 'deleted'; name: string }
  | { kind: 'exported'; name: string; result: ModelExport }
  | { kind: 'imported'; name: string };

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class ModelsState {
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  entries = $state.raw<SavedModelEntry[]>([]);
  /** The saved model predictions use, or null for the current run. */
  inUseId = $state<string | null>(null);
  loaded = $state(false);
  /** The request in flight (one at a time) and the model it is about. */
  task = $state<{ kind: ModelsTask; id: string | null } | null>(null);
  notice = $state.raw<ModelsNotice | null>(null);
  /** Main's message when the last request failed. */
  error = $state<string | null>(null);

  #started = false;

  get busy(): boolean {
    return this.task !== null;
  }

  start(): void {
    if (this.#started) {
      void this.refresh();
      return;
    }
    this.#started = true;
    // A new run takes predictions back from a loaded model (main does the same).
    this.#api.on('training:state', (state) => {
      if (state.status === 'starting') this.inUseId = null;
    });
    void this.refresh();
  }

  async refresh(): Promise<void> {
    await this.#run('list', null, async () => {
      const [entries, inUse] = await Promise.all([
        this.#api.invoke('models:list'),
        this.#api.invoke('models:in-use'),
      ]);
      this.entries = entries;
      this.inUseId = inUse.id;
      this.loaded = true;
      return null;
    });
  }

  saveCurrent(name: string): Promise<boolean> {
    return this.#change('save', null, async () => {
      const entry = await this.#api.invoke('models:save-current', { name });
      return { kind: 'saved', name: entry.meta?.name ?? name };
    });
  }

  load(id: string): Promise<boolean> {
    return this.#change('load', id, async () => {
      const meta = await this.#api.invoke('models:load', { id });
      this.inUseId = id;
      return { kind: 'loaded', name: meta.name };
    });
  }

  rename(id: string, name: string): Promise<boolean> {
    return this.#change('rename', id, async () => {
      const entry = await this.#api.invoke('models:rename', { id, name });
      return { kind: 'renamed', name: entry.meta?.name ?? name };
    });
  }

  remove(id: string): Promise<boolean> {
    const name = this.nameOf(id);
    return this.#change('delete', id, async () => {
      await this.#api.invoke('models:delete', { id });
      if (this.inUseId === id) this.inUseId = null;
      return { kind: 'deleted', name };
    });
  }

  exportModel(id: string): Promise<boolean> {
    const name = this.nameOf(id);
    return this.#change('export', id, async () => {
      const result = await this.#api.invoke('models:export', { id });
      return result ? { kind: 'exported', name, result } : null;
    });
  }

  /** The saved network as a Keras project (model.py + weights.npz) to take home. */
  exportKeras(id: string): Promise<boolean> {
    const name = this.nameOf(id);
    return this.#change('export', id, async () => {
      const result = await this.#api.invoke('models:export-keras', { id });
      return result ? { kind: 'exported', name, result } : null;
    });
  }

  importModel(): Promise<boolean> {
    return this.#change('import', null, async () => {
      const entry = await this.#api.invoke('models:import');
      return entry ? { kind: 'imported', name: entry.meta?.name ?? entry.id } : null;
    });
  }

  nameOf(id: string): string {
    return this.entries.find((e) => e.id === id)?.meta?.name ?? id;
  }

  dismiss(): void {
    this.error = null;
    this.notice = null;
  }

  /** A change, then the list again; false when main refused (its message is in `error`). */
  async #change(
    kind: ModelsTask,
    id: string | null,
    action: () => Promise<ModelsNotice | null>,
  ): Promise<boolean> {
    const ok = await this.#run(kind, id, action);
    await this.#run('list', null, async () => {
      this.entries = await this.#api.invoke('models:list');
      return null;
    });
    return ok;
  }

  async #run(
    kind: ModelsTask,
    id: string | null,
    action: () => Promise<ModelsNotice | null>,
  ): Promise<boolean> {
    this.task = { kind, id };
    if (kind !== 'list') {
      this.error = null;
      this.notice = null;
    }
    try {
      const notice = await action();
      if (notice) this.notice = notice;
      return true;
    } catch (err) {
      this.error = messageOf(err);
      return false;
    } finally {
      this.task = null;
    }
  }
}
