import { LetterLabError } from '../errors';

/** One row of `classes` floats per label, 1 at the label's class and 0 elsewhere. */
export function oneHot(labels: Uint8Array, classes: number): Float32Array {
  const out = new Float32Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] >= classes) {
      throw new LetterLabError(
        'dataset.bad-labels',
        `Label ${labels[i]} at index ${i} is not one of the ${classes} classes 0..${classes - 1}.`,
        { index: i },
      );
    }
    out[i * classes + labels[i]] = 1;
  }
  return out;
}
