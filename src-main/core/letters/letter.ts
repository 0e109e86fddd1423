// One kept letter: its 28x28 grey levels as the network gets them (ink 255 on background 0, as
// the notMNIST letters), its label and who drew it. A letter is named by its picture alone, so the
// same drawing always has the same id in every file, and whether it is held back for testing (never
// trained on) is decided by that id: merging, relabelling or adding letters never moves a letter
// between the held-back part and the rest.
import { createHash } from 'node:crypto';
import { LetterLabError } from '../errors';

/** Letters are 28x28, as notMNIST and the networks' input. */
export const LETTER_SIDE = 28;
export const LETTER_PIXELS = LETTER_SIDE * LETTER_SIDE;
/** One letter in this many (about 20%, the notebook's test share) is held back for testing. */
export const HOLD_BACK_EVERY = 5;
/** Hex digits of the picture's sha256 that name a letter. */
const ID_DIGITS = 16;
/** Labels are class numbers 0..25 (A..Z); notMNIST has 10 (A..J). */
export const MAX_LABEL = 25;

export interface StoredLetter {
  id: string;
  /** LETTER_PIXELS grey levels 0..255, row-major. */
  pixels: Uint8Array;
  label: number;
  /** Who drew it, when the file says so. */
  camper: string | null;
}

/** The id of a picture: the first 16 hex digits of the sha256 of its grey levels. */
export function letterId(pixels: Uint8Array): string {
  return createHash('sha256').update(pixels).digest('hex').slice(0, ID_DIGITS);
}

/** Whether the letter with this id is held back for testing: the same answer forever. */
export function isHeldBack(id: string): boolean {
  return parseInt(id.slice(0, 8), 16) % HOLD_BACK_EVERY === 0;
}

/** The letter for a label 'A'..'Z' or 'a'..'z', or a class number; null when it is neither. */
export function labelOf(text: string): number | null {
  const trimmed = text.trim();
  if (/^[A-Za-z]$/.test(trimmed)) return trimmed.toUpperCase().charCodeAt(0) - 65;
  if (/^\d{1,2}$/.test(trimmed) && Number(trimmed) <= MAX_LABEL) return Number(trimmed);
  return null;
}

export function letterName(label: number): string {
  return String.fromCharCode(65 + label);
}

/** Checks a label (a class number 0..classes-1). */
export function checkLabel(label: number, classes: number): number {
  if (!Number.isInteger(label) || label < 0 || label >= classes) {
    throw new LetterLabError(
      'letters.bad-label',
      `The label ${label} is not a letter from A to ${letterName(classes - 1)} ` +
        `(class numbers 0 to ${classes - 1}).`,
    );
  }
  return label;
}

/** Whole grey levels 0..255 for LETTER_PIXELS values, or letters.bad-label's sibling error. */
export function toLevels(values: ArrayLike<number>): Uint8Array {
  if (values.length !== LETTER_PIXELS) {
    throw new LetterLabError(
      'api.bad-request',
      `A letter has ${LETTER_SIDE}x${LETTER_SIDE} = ${LETTER_PIXELS} grey levels, got ${values.length}.`,
    );
  }
  const out = new Uint8Array(LETTER_PIXELS);
  for (let i = 0; i < LETTER_PIXELS; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0 || v > 255) {
      throw new LetterLabError(
        'api.bad-request',
        `Grey level ${i} of the letter is ${v}; grey levels are whole numbers 0..255.`,
      );
    }
    out[i] = v;
  }
  return out;
}

export function makeLetter(pixels: Uint8Array, label: number, camper: string | null): StoredLetter {
  return { id: letterId(pixels), pixels, label, camper };
}
