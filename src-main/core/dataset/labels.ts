import { LetterLabError } from '../errors';
import type { MatData } from '../mat/types';

/** notMNIST has 10 classes (A-J); a data set may have up to 26 (A-Z). */
export const MAX_CLASSES = 26;

export interface CheckedLabels {
  labels: Uint8Array;
  classes: number;
  counts: number[];
}

/** 'A', 'B', ... for class 0, 1, ... */
export function classNames(classes: number): string[] {
  return Array.from({ length: classes }, (_, k) => String.fromCharCode(65 + k));
}

/** A vector has at most one dimension other than 1. */
export function isVector(dims: number[]): boolean {
  return dims.filter((d) => d !== 1).length <= 1;
}

function badLabels(name: string, detail: string, index?: number): LetterLabError {
  return new LetterLabError(
    'dataset.bad-labels',
    `'${name}' ${detail}. Labels must be whole numbers 0..K-1, one per image, for at most ` +
      `${MAX_CLASSES} classes (A=0, B=1, ...). Fix the labels and save the file again.`,
    index === undefined ? { variable: name } : { variable: name, index },
  );
}

/**
 * Checks that labels are class numbers 0..K-1 (K = max + 1 <= 26) and counts each class. A set to
 * learn from needs `minClasses` different classes (2); a collection of kept letters may have fewer.
 */
export function checkLabels(
  name: string,
  dims: number[],
  values: MatData,
  minClasses = 2,
): CheckedLabels {
  if (!isVector(dims)) {
    throw badLabels(name, `has dims ${dims.join('x')}, not a vector of class numbers`);
  }
  const n = values.length;
  const labels = new Uint8Array(n);
  let max = -1;
  for (let i = 0; i < n; i++) {
    const v = Number(values[i]);
    if (!Number.isInteger(v) || v < 0 || v >= MAX_CLASSES) {
      const what = Number.isNaN(v) ? 'NaN' : String(v);
      throw badLabels(name, `has ${what} at index ${i} (MATLAB ${name}(${i + 1}))`, i);
    }
    labels[i] = v;
    if (v > max) max = v;
  }
  const classes = max + 1;
  const counts = new Array<number>(Math.max(classes, 0)).fill(0);
  for (let i = 0; i < n; i++) counts[labels[i]]++;
  if (counts.filter((c) => c > 0).length < minClasses) {
    throw badLabels(name, n === 0 ? 'is empty' : `names only one class (every label is ${max})`);
  }
  return { labels, classes, counts };
}
