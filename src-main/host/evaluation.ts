import { createHash } from 'node:crypto';
import { z } from 'zod';
import type {
  EvaluatedLetter,
  EvaluatedLetters,
  EvaluationStatus,
  EvaluationSummary,
} from '../contract/evaluation';
import type { SplitImageSet } from '../core/dataset/types';
import { testLettersHeldOut, trainedWithOldSplit } from '../core/dataset/split';
import { LetterLabError } from '../core/errors';
import {
  cellMembers,
  confidentMistakes,
  evaluateTestSplit,
  type SplitPredictions,
} from '../core/evaluation';
import type { ActiveModel } from './model-cache';
import type { HostContext, OpenDataset } from './context';
import type { ApiRegistry } from './registry';

/** Evaluations kept (per model and split), so going back to one is instant. */
const KEPT_EVALUATIONS = 4;
export const MAX_LETTERS = 200;
const GREY_LEVELS = 255;

interface Progress {
  done: number;
  total: number;
}

interface Kept {
  summary: EvaluationSummary;
  predictions: SplitPredictions;
  set: SplitImageSet;
}

/** What identifies an evaluation: the network's weights on disk and the test split. */
function evaluationKey(active: ActiveModel, open: OpenDataset): string {
  const { meta } = active;
  const { set, info } = open;
  const parts = [
    active.source,
    active.dir,
    meta.savedAt,
    meta.history.length,
    info.fingerprint,
    open.path,
    set.seed,
    set.testFraction,
    set.test.length,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

/** Yields to the event loop so requests (status, progress) are answered between batches. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class EvaluationService {
  private kept: Kept[] = [];
  private running: { promise: Promise<EvaluationSummary>; progress: Progress } | null = null;

  constructor(private readonly ctx: HostContext) {}

  async status(): Promise<EvaluationStatus> {
    const last = this.freshKept().at(-1) ?? null;
    const running = this.running;
    const base = {
      running: running !== null,
      done: running?.progress.done ?? 0,
      total: running?.progress.total ?? 0,
      last: last?.summary ?? null,
    };
    const models = this.ctx.session.models;
    if (!models?.available()) return { ...base, modelAvailable: false, lastIsCurrent: false };
    // While an evaluation runs, loading another network would dispose the one it uses.
    if (running || !last || !this.ctx.session.dataset) {
      return { ...base, modelAvailable: true, lastIsCurrent: false };
    }
    try {
      const key = evaluationKey(await models.get(), this.ctx.session.dataset);
      return { ...base, modelAvailable: true, lastIsCurrent: key === last.summary.key };
    } catch {
      // A network that does not load: evaluating says why.
      return { ...base, modelAvailable: true, lastIsCurrent: false };
    }
  }

  /** Evaluates the network in use on the open letters' test split (or answers from the cache). */
  async run(): Promise<EvaluationSummary> {
    while (this.running) await this.running.promise.catch(() => undefined);
    const open = this.requireDataset();
    const models = this.ctx.session.models;
    if (!models) throw new LetterLabError('model.not-found', 'There is no trained network yet.');
    const active = await models.get();
    const key = evaluationKey(active, open);
    const cached = this.freshKept().find((k) => k.summary.key === key);
    if (cached) {
      this.remember(cached);
      return cached.summary;
    }
    const progress: Progress = { done: 0, total: open.set.test.length };
    const running = { promise: this.evaluate(active, open, key, progress), progress };
    this.running = running;
    try {
      return await running.promise;
    } finally {
      if (this.running === running) this.running = null;
    }
  }

  cell(truth: number, predicted: number, limit: number, key?: string): EvaluatedLetters {
    const kept = this.find(key);
    const classes = kept.predictions.classes;
    if (truth >= classes || predicted >= classes) {
      throw new LetterLabError(
        'api.bad-request',
        `There is no cell (${truth}, ${predicted}): classes go from 0 to ${classes - 1}.`,
      );
    }
    const picked = cellMembers(kept.predictions, truth, predicted, limit);
    return this.letters(kept, picked);
  }

  mistakes(limit: number, key?: string): EvaluatedLetters {
    const kept = this.find(key);
    return this.letters(kept, confidentMistakes(kept.predictions, limit));
  }

  private async evaluate(
    active: ActiveModel,
    open: OpenDataset,
    key: string,
    progress: Progress,
  ): Promise<EvaluationSummary> {
    const { set, info } = open;
    let result;
    try {
      result = await evaluateTestSplit(active.model, set, {
        onProgress: async (done, total) => {
          Object.assign(progress, { done, total });
          await nextTurn();
        },
      });
    } catch (err) {
      if (err instanceof LetterLabError) throw err;
      const now = await this.ctx.session.models?.get().catch(() => null);
      if (now && now.model !== active.model) {
        throw new LetterLabError(
          'evaluation.model-changed',
          'The network changed while it was being checked (a newer one was loaded): evaluate again.',
        );
      }
      throw err;
    }
    const { predictions, seconds, ...numbers } = result;
    const trainedOn = active.meta.dataset;
    const summary: EvaluationSummary = {
      ...numbers,
      key,
      classNames: [...set.classNames],
      height: set.height,
      width: set.width,
      model: {
        name: active.meta.name,
        source: active.source,
        epochs: active.meta.history.length,
        savedAt: active.meta.savedAt,
      },
      split: { seed: set.seed, testFraction: set.testFraction },
      sameDataset:
        trainedOn && trainedOn.fingerprint !== '' && info.fingerprint !== ''
          ? trainedOn.fingerprint === info.fingerprint
          : null,
      sameSplit: testLettersHeldOut(trainedOn, {
        fingerprint: info.fingerprint,
        seed: set.seed,
        testFraction: set.testFraction,
      }),
      oldSplit: trainedWithOldSplit(trainedOn),
      seconds,
    };
    this.remember({ summary, predictions, set });
    return summary;
  }

  /** Kept evaluations of the letters open now (those of other letters would pin their memory). */
  private freshKept(): Kept[] {
    const set = this.ctx.session.dataset?.set;
    this.kept = this.kept.filter((k) => k.set === set);
    return this.kept;
  }

  private remember(entry: Kept): void {
    this.kept = [...this.kept.filter((k) => k !== entry), entry].slice(-KEPT_EVALUATIONS);
  }

  private find(key: string | undefined): Kept {
    const kept = this.freshKept();
    const found = key === undefined ? kept.at(-1) : kept.find((k) => k.summary.key === key);
    if (!found) {
      throw new LetterLabError(
        'evaluation.none',
        key === undefined
          ? 'Nothing has been evaluated yet: press “Evaluate on the test letters” first.'
          : 'That evaluation is no longer kept (other letters or networks came since): evaluate again.',
      );
    }
    return found;
  }

  private letters(kept: Kept, picked: { positions: number[]; total: number }): EvaluatedLetters {
    const { set, predictions: p, summary } = kept;
    const size = set.height * set.width;
    const items = picked.positions.map((k): EvaluatedLetter => {
      const index = p.indices[k];
      const pixels = Array.from(set.images.subarray(index * size, (index + 1) * size), (v) =>
        Math.round(v * GREY_LEVELS),
      );
      return {
        index,
        label: p.labels[k],
        pixels,
        test: true,
        predicted: p.predicted[k],
        confidence: p.confidence[k],
        truthProbability: p.truthProbability[k],
      };
    });
    return { key: summary.key, total: picked.total, items };
  }

  private requireDataset(): OpenDataset {
    const open = this.ctx.session.dataset;
    if (!open) {
      throw new LetterLabError(
        'training.no-dataset',
        'No letters are open yet: open a file or the sample letters (the Letters tab).',
      );
    }
    return open;
  }
}

const classIndex = z.number().int().min(0).max(255);
const limit = z.number().int().min(1).max(MAX_LETTERS);
const key = z.string().min(1).max(64).optional();

export function setupEvaluation(registry: ApiRegistry, ctx: HostContext): EvaluationService {
  const service = new EvaluationService(ctx);
  registry.handle('evaluation:status', z.undefined(), () => service.status());
  registry.handle('evaluation:run', z.undefined(), () => service.run());
  registry.handle(
    'evaluation:cell',
    z.object({ true: classIndex, predicted: classIndex, limit, key }),
    (request) => service.cell(request.true, request.predicted, request.limit, request.key),
  );
  registry.handle('evaluation:mistakes', z.object({ limit, key }), (request) =>
    service.mistakes(request.limit, request.key),
  );
  return service;
}
