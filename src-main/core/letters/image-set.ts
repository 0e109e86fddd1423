// Kept letters as the training loop and the evaluation read letters: an ImageSet of floats 0..1.
import { classNames } from '../dataset/labels';
import type { ImageSet } from '../dataset/types';
import { LetterLabError } from '../errors';
import { LETTER_PIXELS, LETTER_SIDE, isHeldBack, letterName, type StoredLetter } from './letter';

export interface LettersSet {
  set: ImageSet;
  /** Per letter: held back for testing (never trained on). */
  heldBack: boolean[];
}

/**
 * The letters as an ImageSet with `classes` classes (the network's answers): every label must be
 * one of them.
 */
export function lettersImageSet(
  letters: readonly StoredLetter[],
  classes: number,
  label: string,
): LettersSet {
  const images = new Float32Array(letters.length * LETTER_PIXELS);
  const labels = new Uint8Array(letters.length);
  letters.forEach((letter, k) => {
    if (letter.label >= classes) {
      throw new LetterLabError(
        'evaluation.mismatch',
        `${label} has a letter ${letterName(letter.label)} (letter ${k + 1}), but the network ` +
          `answers only ${letterName(0)} to ${letterName(classes - 1)}.`,
      );
    }
    for (let i = 0; i < LETTER_PIXELS; i++) images[k * LETTER_PIXELS + i] = letter.pixels[i] / 255;
    labels[k] = letter.label;
  });
  return {
    set: {
      images,
      labels,
      count: letters.length,
      height: LETTER_SIDE,
      width: LETTER_SIDE,
      classes,
      classNames: classNames(classes),
    },
    heldBack: letters.map((l) => isHeldBack(l.id)),
  };
}

/** Indices 0..n-1 where `pick` holds. */
export function indicesWhere(flags: readonly boolean[], pick: boolean): Uint32Array {
  const out: number[] = [];
  flags.forEach((f, i) => {
    if (f === pick) out.push(i);
  });
  return Uint32Array.from(out);
}
