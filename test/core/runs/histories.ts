// Synthetic per-epoch histories for the "what happened" tests: [loss, acc, valLoss, valAcc] rows.
import type { EpochRecord } from '../../../src-main/contract/training';

export type Row = [loss: number, acc: number, valLoss: number | null, valAcc: number | null];

export function history(rows: Row[]): EpochRecord[] {
  return rows.map(([loss, acc, valLoss, valAcc], i) => ({
    epoch: i + 1,
    loss,
    acc,
    valLoss,
    valAcc,
    seconds: 2 + i * 0.1,
    samplesPerSecond: 1000,
  }));
}

/** Train loss falls and accuracy rises all along; test loss bottoms out at epoch 4 and rises. */
export const OVERFITTING: Row[] = [
  [1.2, 0.6, 1.0, 0.7],
  [0.8, 0.75, 0.7, 0.8],
  [0.5, 0.85, 0.55, 0.85],
  [0.35, 0.9, 0.5, 0.86],
  [0.25, 0.93, 0.56, 0.85],
  [0.18, 0.96, 0.63, 0.84],
  [0.12, 0.98, 0.71, 0.83],
];

/** Accuracies near chance (10 letters) that barely move. */
export const UNDERFITTING: Row[] = [
  [2.3, 0.11, 2.3, 0.1],
  [2.29, 0.12, 2.29, 0.11],
  [2.29, 0.12, 2.29, 0.12],
  [2.28, 0.125, 2.29, 0.12],
  [2.28, 0.13, 2.28, 0.125],
];

/** Test accuracy still climbing in the last epochs, the last one the best. */
export const STILL_IMPROVING: Row[] = [
  [1.5, 0.5, 1.3, 0.55],
  [1.1, 0.65, 1.0, 0.66],
  [0.9, 0.72, 0.85, 0.72],
  [0.75, 0.77, 0.72, 0.76],
  [0.65, 0.8, 0.63, 0.79],
];

/** Test accuracy jumping up and down by a few points while the training curve is smooth. */
export const NOISY: Row[] = [
  [1.0, 0.7, 0.9, 0.72],
  [0.8, 0.76, 0.8, 0.78],
  [0.7, 0.79, 0.95, 0.7],
  [0.65, 0.8, 0.7, 0.8],
  [0.6, 0.81, 0.9, 0.73],
  [0.57, 0.82, 0.68, 0.81],
  [0.55, 0.83, 0.85, 0.74],
];

/** Improves, then levels off: small wiggles below the noise threshold. */
export const SETTLED: Row[] = [
  [1.0, 0.7, 0.8, 0.78],
  [0.6, 0.82, 0.55, 0.84],
  [0.5, 0.85, 0.5, 0.86],
  [0.47, 0.86, 0.49, 0.863],
  [0.45, 0.865, 0.49, 0.862],
  [0.44, 0.87, 0.488, 0.863],
];
