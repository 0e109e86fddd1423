// What a teaching run trains on: the taught letters' training part alone, or the font letters'
// training part with the taught letters mixed into every batch (a chosen share of each batch, the
// small set repeated as often as it takes). It is checked after every epoch, and measured before
// and after, on the taught letters held back for testing, which it never trains on.
import type * as tfl from '@tensorflow/tfjs-layers';
import type { AccuracyCount, TeachMeasure, TeachMode } from '../../contract/letters';
import type { ImageSet, SplitImageSet } from '../dataset/types';
import { LetterLabError } from '../errors';
import { mixSeed, shuffled } from '../training/batches';
import { evaluate } from '../training/evaluate';

/** Teaching needs at least this many letters to learn from… */
export const MIN_TEACH_LETTERS = 5;
/** …and a share of each batch between these. */
export const MIN_SHARE = 0.05;
export const MAX_SHARE = 0.75;

export interface TeachingParts {
  /** The taught letters and which of them it trains on and holds back (indices into `set`). */
  letters: { set: ImageSet; train: Uint32Array; heldBack: Uint32Array };
  /** The font letters with their split, or null when there are none that fit the network. */
  fonts: SplitImageSet | null;
}

export interface TeachingOptions {
  mode: TeachMode;
  share: number;
  batchSize: number;
  seed: number;
}

export interface TeachingData {
  /** The font letters, then the taught letters; `test` is the taught letters held back. */
  set: SplitImageSet;
  /** The font letters' test part, as indices into `set`; null without font letters. */
  fontTest: Uint32Array | null;
  /** Mixed mode: every epoch's order of `set.train`, each batch `share` taught letters. */
  epochOrder: ((epoch: number) => Uint32Array) | null;
  counts: { lettersTrain: number; heldBack: number; fontsTrain: number; fontsTest: number };
}

function tooFew(message: string): LetterLabError {
  return new LetterLabError('letters.too-few', message);
}

function badOptions(message: string): LetterLabError {
  return new LetterLabError('training.bad-options', message);
}

function offset(indices: Uint32Array, by: number): Uint32Array {
  return Uint32Array.from(indices, (i) => i + by);
}

/** The fonts' and the letters' images and labels in one set. */
function joined(fonts: ImageSet | null, letters: ImageSet): ImageSet {
  if (!fonts) return letters;
  const images = new Float32Array(fonts.images.length + letters.images.length);
  images.set(fonts.images);
  images.set(letters.images, fonts.images.length);
  const labels = new Uint8Array(fonts.count + letters.count);
  labels.set(fonts.labels);
  labels.set(letters.labels, fonts.count);
  return { ...letters, images, labels, count: fonts.count + letters.count };
}

/**
 * The order of every epoch in mixed mode: batches of `fontsPerBatch` font letters (shuffled per
 * epoch) and `perBatch` taught letters (drawn in turn from shuffles of them, as often as needed).
 */
function mixedOrder(
  fontsTrain: Uint32Array,
  lettersTrain: Uint32Array,
  batchSize: number,
  perBatch: number,
  seed: number,
): { length: number; order: (epoch: number) => Uint32Array } {
  const fontsPerBatch = batchSize - perBatch;
  const batches = Math.ceil(fontsTrain.length / fontsPerBatch);
  const length = fontsTrain.length + batches * perBatch;
  const order = (epoch: number): Uint32Array => {
    const fonts = shuffled(fontsTrain, mixSeed(seed, epoch));
    const mine = new Uint32Array(batches * perBatch);
    for (let filled = 0, round = 1; filled < mine.length; round++) {
      const next = shuffled(lettersTrain, mixSeed(seed, epoch, round));
      const take = Math.min(next.length, mine.length - filled);
      mine.set(next.subarray(0, take), filled);
      filled += take;
    }
    const out = new Uint32Array(length);
    let at = 0;
    for (let b = 0; b < batches; b++) {
      const part = fonts.subarray(
        b * fontsPerBatch,
        Math.min(fonts.length, (b + 1) * fontsPerBatch),
      );
      out.set(part, at);
      at += part.length;
      out.set(mine.subarray(b * perBatch, (b + 1) * perBatch), at);
      at += perBatch;
    }
    return out;
  };
  return { length, order };
}

/** Builds what a teaching run trains on, validates on and measures; see the file comment. */
export function teachingData(parts: TeachingParts, opts: TeachingOptions): TeachingData {
  const { letters } = parts;
  if (letters.train.length < MIN_TEACH_LETTERS) {
    throw tooFew(
      `Only ${letters.train.length} of these ${letters.set.count} letters can be learned from ` +
        `(one in five is held back for testing); teaching needs at least ${MIN_TEACH_LETTERS}. ` +
        'Keep more letters first.',
    );
  }
  if (letters.heldBack.length === 0) {
    throw tooFew(
      `None of these ${letters.set.count} letters is held back for testing yet, so there would be ` +
        'no fair way to see what the teaching did. Keep a few more letters first.',
    );
  }
  const fonts = parts.fonts;
  if (opts.mode === 'mixed') {
    if (!fonts || fonts.train.length === 0) {
      throw badOptions(
        'There are no font letters to mix in: open the letters the network learned from (the Letters tab), or teach with your letters only.',
      );
    }
    if (!(opts.share >= MIN_SHARE && opts.share <= MAX_SHARE)) {
      throw badOptions(
        `The share of your letters in each batch must be from ${MIN_SHARE} to ${MAX_SHARE}, got ${opts.share}.`,
      );
    }
    if (!Number.isInteger(opts.batchSize) || opts.batchSize < 2) {
      throw badOptions(`Mixing needs batches of at least 2 letters, got ${opts.batchSize}.`);
    }
  }
  const base = fonts?.count ?? 0;
  const all = joined(fonts, letters.set);
  const lettersTrain = offset(letters.train, base);
  const heldBack = offset(letters.heldBack, base);
  const counts = {
    lettersTrain: letters.train.length,
    heldBack: letters.heldBack.length,
    fontsTrain: opts.mode === 'mixed' && fonts ? fonts.train.length : 0,
    fontsTest: fonts?.test.length ?? 0,
  };
  const split = (train: Uint32Array): SplitImageSet => ({
    ...all,
    train,
    test: heldBack,
    seed: opts.seed,
    testFraction: heldBack.length / Math.max(1, letters.set.count),
  });
  const fontTest = fonts && fonts.test.length > 0 ? fonts.test : null;
  if (opts.mode === 'only' || !fonts) {
    return { set: split(lettersTrain), fontTest, epochOrder: null, counts };
  }
  const perBatch = Math.min(
    opts.batchSize - 1,
    Math.max(1, Math.round(opts.share * opts.batchSize)),
  );
  const mixed = mixedOrder(fonts.train, lettersTrain, opts.batchSize, perBatch, opts.seed);
  return { set: split(mixed.order(0)), fontTest, epochOrder: mixed.order, counts };
}

async function accuracyOn(
  model: tfl.LayersModel,
  set: ImageSet,
  indices: Uint32Array,
): Promise<AccuracyCount> {
  const result = await evaluate(model, set, indices);
  if (!result) return { count: 0, correct: 0, accuracy: 0 };
  return {
    count: result.count,
    correct: Math.round(result.acc * result.count),
    accuracy: result.acc,
  };
}

/** The network's accuracy on the held-back letters and on the font letters' test part. */
export async function measureTeaching(
  model: tfl.LayersModel,
  data: TeachingData,
): Promise<TeachMeasure> {
  return {
    heldBack: await accuracyOn(model, data.set, data.set.test),
    fonts: data.fontTest ? await accuracyOn(model, data.set, data.fontTest) : null,
  };
}
