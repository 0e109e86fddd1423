// How does the network do on my letters? The network in use on every letter of a file (a kept
// collection, or all letters of the file open in the Letters tab, not a split), beside its accuracy
// on the test part of the font letters (the evaluation service's), and the letters behind every
// confusion-matrix cell and the surest mistakes.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { EvaluatedLetter, EvaluatedLetters } from '../contract/evaluation';
import type { AccuracyCount, LettersEvaluation, LettersTarget } from '../contract/letters';
import type { ImageSet } from '../core/dataset/types';
import { LetterLabError } from '../core/errors';
import {
  cellMembers,
  confidentMistakes,
  predictSplit,
  summarizePredictions,
  type SplitPredictions,
} from '../core/evaluation';
import { lettersImageSet, type StoredLetter } from '../core/letters';
import type { HostContext } from './context';
import type { EvaluationService } from './evaluation';
import { LABELS, type LettersService } from './letters';
import type { ApiRegistry } from './registry';

const KEPT = 4;
export const MAX_LETTERS = 200;
const GREY_LEVELS = 255;

interface Kept {
  summary: LettersEvaluation;
  predictions: SplitPredictions;
  set: ImageSet;
  heldBack: boolean[];
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function accuracyOf(p: SplitPredictions, pick: (position: number) => boolean): AccuracyCount {
  let count = 0;
  let correct = 0;
  for (let k = 0; k < p.labels.length; k++) {
    if (!pick(k)) continue;
    count++;
    if (p.labels[k] === p.predicted[k]) correct++;
  }
  return { count, correct, accuracy: count === 0 ? 0 : correct / count };
}

export class LettersEvaluationService {
  private kept: Kept[] = [];

  constructor(
    private readonly ctx: HostContext,
    private readonly letters: LettersService,
    private readonly fonts: EvaluationService,
  ) {}

  /** The letters of `target` with the network's classes, and which of them are held back. */
  private async lettersOf(
    target: LettersTarget,
    classes: number,
  ): Promise<{ set: ImageSet; heldBack: boolean[]; label: string; stored?: StoredLetter[] }> {
    if (target === 'open') {
      const open = this.ctx.session.dataset;
      if (!open) {
        throw new LetterLabError(
          'training.no-dataset',
          'No letters are open in the Letters tab: open a file there first.',
        );
      }
      const test = new Set(open.set.test);
      const heldBack = Array.from({ length: open.set.count }, (_, i) => test.has(i));
      return { set: open.set, heldBack, label: open.info.label };
    }
    const stored = await this.letters.file(target).read();
    if (stored.length === 0) {
      throw new LetterLabError(
        'letters.too-few',
        target === 'mine'
          ? 'You have not kept any letters yet: draw some and keep them first.'
          : 'The class file is empty: add the campers’ files first.',
      );
    }
    return { ...lettersImageSet(stored, classes, LABELS[target]), label: LABELS[target], stored };
  }

  async evaluate(target: LettersTarget): Promise<LettersEvaluation> {
    const models = this.ctx.session.models;
    if (!models) throw new LetterLabError('model.not-found', 'There is no trained network yet.');
    const active = await models.get();
    const classes = active.model.outputs[0]?.shape[1] ?? active.meta.spec.classes;
    const started = performance.now();
    const { set, heldBack, label, stored } = await this.lettersOf(target, classes as number);
    const all = Uint32Array.from({ length: set.count }, (_, i) => i);
    const predictions = await predictSplit(active.model, set, all, { onProgress: nextTurn });
    const numbers = summarizePredictions(predictions, set.classNames);
    const fonts = target === 'open' ? null : await this.fontsAccuracy();
    const key = createHash('sha256')
      .update(JSON.stringify([target, active.dir, active.meta.savedAt, set.count, Date.now()]))
      .digest('hex')
      .slice(0, 16);
    const summary: LettersEvaluation = {
      ...numbers,
      key,
      target,
      label,
      classNames: [...set.classNames],
      height: set.height,
      width: set.width,
      model: {
        name: active.meta.name,
        source: active.source,
        epochs: active.meta.history.length,
        taughtWith: active.meta.teaching?.lettersFile ?? null,
      },
      heldBack: accuracyOf(predictions, (k) => heldBack[predictions.indices[k]]),
      fonts,
      ...(target === 'class' && stored ? await this.byCamper(predictions, stored) : {}),
      seconds: (performance.now() - started) / 1000,
    };
    this.kept = [...this.kept, { summary, predictions, set, heldBack }].slice(-KEPT);
    return summary;
  }

  /**
   * The class letters per camper, and those not in the camper's own collection: how the network
   * reads the others' handwriting.
   */
  private async byCamper(
    predictions: SplitPredictions,
    stored: readonly StoredLetter[],
  ): Promise<Pick<LettersEvaluation, 'campers' | 'others'>> {
    const names = [...new Set(stored.map((l) => l.camper).filter((n): n is string => n !== null))];
    const campers = names.map((name) => ({
      name,
      ...accuracyOf(predictions, (k) => stored[predictions.indices[k]].camper === name),
    }));
    const mine = new Set((await this.letters.file('mine').read()).map((l) => l.id));
    const others = accuracyOf(predictions, (k) => !mine.has(stored[predictions.indices[k]].id));
    return { campers, others: mine.size > 0 ? others : null };
  }

  /** The network in use on the font letters' test part; null when that cannot be measured. */
  private async fontsAccuracy(): Promise<LettersEvaluation['fonts']> {
    const info = this.ctx.session.dataset?.info;
    // A collection opened in the Letters tab is not the printed letters.
    if (!info || this.letters.openCollection() !== null) return null;
    try {
      const result = await this.fonts.run();
      const { count, correct, accuracy } = result;
      const set = { label: info.label, source: info.source };
      return { count, correct, accuracy, ...set, ...(info.fonts ? { fonts: info.fonts } : {}) };
    } catch {
      // The open letters do not fit this network: there is nothing fair to compare with.
      return null;
    }
  }

  cell(key: string, truth: number, predicted: number, limit: number): EvaluatedLetters {
    const kept = this.find(key);
    const classes = kept.predictions.classes;
    if (truth >= classes || predicted >= classes) {
      throw new LetterLabError(
        'api.bad-request',
        `There is no cell (${truth}, ${predicted}): classes go from 0 to ${classes - 1}.`,
      );
    }
    return this.pick(kept, cellMembers(kept.predictions, truth, predicted, limit));
  }

  mistakes(key: string, limit: number): EvaluatedLetters {
    const kept = this.find(key);
    return this.pick(kept, confidentMistakes(kept.predictions, limit));
  }

  private find(key: string): Kept {
    const found = this.kept.find((k) => k.summary.key === key);
    if (!found) {
      throw new LetterLabError(
        'evaluation.none',
        'That check of your letters is no longer kept (newer ones came since): check again.',
      );
    }
    return found;
  }

  private pick(kept: Kept, picked: { positions: number[]; total: number }): EvaluatedLetters {
    const { set, predictions: p, summary, heldBack } = kept;
    const size = set.height * set.width;
    const items = picked.positions.map((k): EvaluatedLetter => {
      const index = p.indices[k];
      return {
        index,
        label: p.labels[k],
        pixels: Array.from(set.images.subarray(index * size, (index + 1) * size), (v) =>
          Math.round(v * GREY_LEVELS),
        ),
        test: heldBack[index],
        predicted: p.predicted[k],
        confidence: p.confidence[k],
        truthProbability: p.truthProbability[k],
      };
    });
    return { key: summary.key, total: picked.total, items };
  }
}

const classIndex = z.number().int().min(0).max(255);
const limit = z.number().int().min(1).max(MAX_LETTERS);
const key = z.string().min(1).max(64);

export function setupLettersEvaluation(
  registry: ApiRegistry,
  ctx: HostContext,
  letters: LettersService,
  fonts: EvaluationService,
): LettersEvaluationService {
  const service = new LettersEvaluationService(ctx, letters, fonts);
  registry.handle(
    'letters:evaluate',
    z.object({ target: z.enum(['mine', 'class', 'open']) }),
    ({ target }) => service.evaluate(target),
  );
  registry.handle(
    'letters:evaluation-cell',
    z.object({ key, true: classIndex, predicted: classIndex, limit }),
    (r) => service.cell(r.key, r.true, r.predicted, r.limit),
  );
  registry.handle('letters:evaluation-mistakes', z.object({ key, limit }), (r) =>
    service.mistakes(r.key, r.limit),
  );
  return service;
}
