// My letters: the camper's collection of kept drawings (kept in the host's letters file), the
// drawing pad of the My letters tab, and the guided mode that asks for the letters in turn.
import type { KeptLetter, LettersCollection } from '../../../src-main/contract/letters';
import type { ApiClient } from '../api/client';
import type { DrawnPicture, Stroke } from './predict.svelte';

/** Campers keep the ten notMNIST letters A..J. */
export const KEPT_CLASSES = 10;
/** How many of each letter the guided mode can ask for. */
export const GUIDE_SIZES = [3, 5, 10] as const;
export const DEFAULT_GUIDE_SIZE = 5;

export interface Guide {
  /** Letters of each class to reach. */
  perLetter: number;
  /** Classes the camper skipped in this round. */
  skipped: number[];
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class LettersState {
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  collection = $state.raw<LettersCollection | null>(null);
  error = $state<string | null>(null);
  /** A keep, relabel or delete is on its way to the host. */
  busy = $state(false);
  /** The letter kept last (the "Kept as B" line). */
  lastKept = $state.raw<KeptLetter | null>(null);
  /** The kept letter being relabelled or deleted. */
  selectedId = $state<string | null>(null);
  guide = $state.raw<Guide | null>(null);

  /** The My letters tab's own drawing. */
  strokes = $state.raw<Stroke[]>([]);
  brush = $state(24);
  picture = $state.raw<DrawnPicture>({ kind: 'empty' });

  #started = false;

  /** Letters per class A..J (zeros before the collection is known). */
  get counts(): number[] {
    const counts = this.collection?.countsPerClass ?? [];
    return Array.from({ length: KEPT_CLASSES }, (_, k) => counts[k] ?? 0);
  }

  get selected(): KeptLetter | null {
    return this.collection?.letters.find((l) => l.id === this.selectedId) ?? null;
  }

  /** The letter guided mode asks for now; null when it is off or every letter is done. */
  get guideTarget(): number | null {
    const guide = this.guide;
    if (!guide) return null;
    const counts = this.counts;
    for (let k = 0; k < KEPT_CLASSES; k++) {
      if (!guide.skipped.includes(k) && counts[k] < guide.perLetter) return k;
    }
    return null;
  }

  start(): void {
    if (!this.#started) {
      this.#started = true;
      // Letters kept elsewhere (the Predict tab, another window, the CLI) show up here too.
      this.#api.on('letters:changed', (change) => {
        if (change.which === 'mine' && change.count !== this.collection?.count) void this.refresh();
      });
    }
    void this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      this.collection = await this.#api.invoke('letters:mine');
      if (this.selectedId && !this.selected) this.selectedId = null;
    } catch (err) {
      this.error = messageOf(err);
    }
  }

  /** Keeps a picture (the pad's grey levels) as letter `label`; true when it was saved. */
  async keep(levels: number[], label: number): Promise<boolean> {
    return this.#change(async () => {
      const { collection, added } = await this.#api.invoke('letters:add', {
        pixels: levels,
        label,
      });
      this.collection = collection;
      this.lastKept = added;
    });
  }

  relabel(id: string, label: number): Promise<boolean> {
    return this.#change(async () => {
      this.collection = await this.#api.invoke('letters:relabel', { id, label });
    });
  }

  remove(id: string): Promise<boolean> {
    return this.#change(async () => {
      this.collection = await this.#api.invoke('letters:delete', { id });
      if (this.selectedId === id) this.selectedId = null;
      if (this.lastKept?.id === id) this.lastKept = null;
    });
  }

  select(id: string | null): void {
    this.selectedId = id;
  }

  startGuide(perLetter: number): void {
    this.guide = { perLetter, skipped: [] };
  }

  /** Leaves the letter asked for now for later (this round). */
  skipGuide(): void {
    const target = this.guideTarget;
    if (this.guide && target !== null) {
      this.guide = { ...this.guide, skipped: [...this.guide.skipped, target] };
    }
  }

  stopGuide(): void {
    this.guide = null;
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

  async #change(work: () => Promise<void>): Promise<boolean> {
    this.busy = true;
    try {
      await work();
      this.error = null;
      return true;
    } catch (err) {
      this.error = messageOf(err);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
