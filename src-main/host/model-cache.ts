import type * as tfl from '@tensorflow/tfjs-layers';
import type { ModelMeta } from '../contract/training';
import { loadModel } from '../core/model';
import { LetterLabError } from '../core/errors';
import type { HostContext } from './context';

export interface ActiveModel {
  model: tfl.LayersModel;
  meta: ModelMeta;
  /** The folder it was loaded from. */
  dir: string;
  /** Where it came from: the current training run, or a saved model the camper loaded. */
  source: 'run' | 'saved';
}

/**
 * The network predictions and evaluations use, loaded in main from disk: the current run's
 * autosave (reloaded when a newer epoch was saved) or a saved model the camper picked.
 */
export class ModelCache {
  private loaded: (ActiveModel & { key: string }) | null = null;
  private chosen: { dir: string } | null = null;
  private pending: { key: string; load: Promise<ActiveModel> } | null = null;

  constructor(private readonly ctx: HostContext) {}

  /** Use a saved model instead of the current run until the next run saves an epoch. */
  choose(dir: string): void {
    this.chosen = { dir };
  }

  /** Forget the chosen model (a new run started). */
  followRun(): void {
    this.chosen = null;
  }

  /** Drop the loaded network so the next use reads it again (e.g. after a rename). */
  invalidate(): void {
    this.release();
  }

  private release(): void {
    if (!this.loaded) return;
    // A loaded model does not own the optimizer it was compiled with: dispose both.
    this.loaded.model.optimizer?.dispose();
    this.loaded.model.dispose();
    this.loaded = null;
  }

  private wanted(): { dir: string; key: string; source: 'run' | 'saved' } | null {
    if (this.chosen)
      return { dir: this.chosen.dir, key: `saved:${this.chosen.dir}`, source: 'saved' };
    const training = this.ctx.session.training;
    const saved = training?.savedKey();
    const dir = training?.modelDir();
    if (!saved || !dir) return null;
    return { dir, key: `run:${saved.runId}:${saved.savedEpoch}:${saved.epochs}`, source: 'run' };
  }

  /** Whether there is a network to use at all. */
  available(): boolean {
    return this.wanted() !== null;
  }

  async get(): Promise<ActiveModel> {
    const wanted = this.wanted();
    if (!wanted) {
      throw new LetterLabError(
        'model.not-found',
        'There is no trained network yet: train one (the Train tab) or load a saved one.',
      );
    }
    if (this.loaded?.key === wanted.key) return this.loaded;
    if (this.pending?.key === wanted.key) return this.pending.load;
    const load = (async () => {
      const { model, meta } = await loadModel(wanted.dir);
      this.release();
      this.loaded = { model, meta, dir: wanted.dir, source: wanted.source, key: wanted.key };
      return this.loaded;
    })();
    const pending = { key: wanted.key, load };
    this.pending = pending;
    try {
      return await load;
    } finally {
      if (this.pending === pending) this.pending = null;
    }
  }
}
