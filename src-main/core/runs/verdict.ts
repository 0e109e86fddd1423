// "What happened" in a run, read from its per-epoch curves. Pure; no I/O.
//
// The checks, in this order (the first that fits is the verdict):
//   diverged        a training or test loss stopped being a finite number.
//   too-short       fewer than MIN_EPOCHS finished epochs (with a test accuracy, when there is
//                   one): no trend can be seen yet.
//   no-validation   no epoch has a test accuracy (the split has no test letters).
//   overfitting     (a) the last OVERFIT_STEPS or more epoch-to-epoch steps in a row are all
//                   "overfitting steps": the test loss rose (by more than LOSS_STEP of its value)
//                   while the training loss fell, or the training accuracy rose while the test
//                   accuracy fell (by more than ACC_STEP); or
//                   (b) the lowest test loss came OVERFIT_STEPS or more epochs before the end, the
//                   test loss has since grown by more than OVERFIT_LOSS_GROWTH of that lowest
//                   value, and the training loss has kept falling.
//   underfitting    training and test accuracy both ended below LOW_ACC and neither rose by
//                   FLAT_GAIN or more over the last FLAT_STEPS epochs.
//   still-improving the test accuracy rose (by more than ACC_STEP) in each of the last
//                   IMPROVING_STEPS steps and the last epoch is the best one.
//   noisy           among the last NOISY_WINDOW steps, the test accuracy changed direction at
//                   least NOISY_TURNS times with swings larger than NOISY_SWING.
//   settled         none of the above: the test accuracy levelled off.

import type { RunVerdict, RunVerdictKind } from '../../contract/runs';
import type { EpochRecord } from '../../contract/training';
import { verdictText } from './messages';

export const MIN_EPOCHS = 3;
export const ACC_STEP = 0.002;
export const LOSS_STEP = 0.002;
export const OVERFIT_STEPS = 2;
export const OVERFIT_LOSS_GROWTH = 0.1;
export const LOW_ACC = 0.6;
export const FLAT_GAIN = 0.02;
export const FLAT_STEPS = 2;
export const IMPROVING_STEPS = 2;
export const NOISY_WINDOW = 6;
export const NOISY_TURNS = 3;
export const NOISY_SWING = 0.01;

interface Found {
  kind: RunVerdictKind;
  params: Record<string, number>;
}

type Validated = EpochRecord & { valLoss: number; valAcc: number };

function rose(before: number, after: number, step: number): boolean {
  return after - before > step;
}
function fell(before: number, after: number, step: number): boolean {
  return before - after > step;
}
function lossStep(value: number): number {
  return Math.abs(value) * LOSS_STEP;
}

/** Whether the step from `a` to `b` looks like overfitting. */
function overfitStep(a: Validated, b: Validated): boolean {
  const valLossUp = rose(a.valLoss, b.valLoss, lossStep(a.valLoss)) && b.loss < a.loss;
  const valAccDown = fell(a.valAcc, b.valAcc, ACC_STEP) && b.acc > a.acc;
  return valLossUp || valAccDown;
}

function best(h: Validated[]): { bestValAcc: number; bestEpoch: number } {
  let at = 0;
  h.forEach((r, i) => {
    if (r.valAcc > h[at].valAcc) at = i;
  });
  return { bestValAcc: h[at].valAcc, bestEpoch: h[at].epoch };
}

function overfitting(h: Validated[]): Found | null {
  let streak = 0;
  for (let i = h.length - 1; i > 0 && overfitStep(h[i - 1], h[i]); i--) streak++;
  if (streak >= OVERFIT_STEPS) {
    return { kind: 'overfitting', params: { from: h[h.length - 1 - streak].epoch, ...best(h) } };
  }
  let low = 0;
  h.forEach((r, i) => {
    if (r.valLoss < h[low].valLoss) low = i;
  });
  const last = h[h.length - 1];
  if (
    h.length - 1 - low >= OVERFIT_STEPS &&
    last.valLoss > h[low].valLoss * (1 + OVERFIT_LOSS_GROWTH) &&
    last.loss < h[low].loss
  ) {
    return { kind: 'overfitting', params: { from: h[low].epoch, ...best(h) } };
  }
  return null;
}

function underfitting(h: Validated[]): Found | null {
  const last = h[h.length - 1];
  const earlier = h[Math.max(0, h.length - 1 - FLAT_STEPS)];
  const low = last.acc < LOW_ACC && last.valAcc < LOW_ACC;
  const flat = last.acc - earlier.acc < FLAT_GAIN && last.valAcc - earlier.valAcc < FLAT_GAIN;
  return low && flat
    ? { kind: 'underfitting', params: { acc: last.acc, valAcc: last.valAcc } }
    : null;
}

function stillImproving(h: Validated[]): Found | null {
  const tail = h.slice(-(IMPROVING_STEPS + 1));
  const rising = tail.every((r, i) => i === 0 || rose(tail[i - 1].valAcc, r.valAcc, ACC_STEP));
  const last = h[h.length - 1];
  const isBest = h.every((r) => r.valAcc <= last.valAcc);
  if (!rising || !isBest) return null;
  return {
    kind: 'still-improving',
    params: { fromAcc: tail[0].valAcc, valAcc: last.valAcc, steps: IMPROVING_STEPS },
  };
}

function noisy(h: Validated[]): Found | null {
  const tail = h.slice(-(NOISY_WINDOW + 1));
  const swings = tail
    .slice(1)
    .map((r, i) => r.valAcc - tail[i].valAcc)
    .filter((d) => Math.abs(d) > NOISY_SWING);
  let turns = 0;
  for (let i = 1; i < swings.length; i++)
    if (Math.sign(swings[i]) !== Math.sign(swings[i - 1])) turns++;
  if (turns < NOISY_TURNS) return null;
  const accs = tail.map((r) => r.valAcc);
  return { kind: 'noisy', params: { turns, low: Math.min(...accs), high: Math.max(...accs) } };
}

/** The kind of run and the numbers that describe it. */
export function analyzeHistory(history: readonly EpochRecord[]): Found {
  const broken = history.find(
    (r) => !Number.isFinite(r.loss) || (r.valLoss !== null && !Number.isFinite(r.valLoss)),
  );
  if (broken) return { kind: 'diverged', params: { epoch: broken.epoch } };
  if (history.length < MIN_EPOCHS) {
    return { kind: 'too-short', params: { epochs: history.length, minEpochs: MIN_EPOCHS } };
  }
  const validated = history.filter(
    (r): r is Validated => r.valAcc !== null && r.valLoss !== null && Number.isFinite(r.valAcc),
  );
  if (validated.length === 0) return { kind: 'no-validation', params: {} };
  if (validated.length < MIN_EPOCHS) {
    return { kind: 'too-short', params: { epochs: validated.length, minEpochs: MIN_EPOCHS } };
  }
  const found =
    overfitting(validated) ??
    underfitting(validated) ??
    stillImproving(validated) ??
    noisy(validated);
  if (found) return found;
  const last = validated[validated.length - 1];
  return { kind: 'settled', params: { valAcc: last.valAcc, ...best(validated) } };
}

/** The verdict with its sentence in English and Polish. */
export function runVerdict(history: readonly EpochRecord[]): RunVerdict {
  const { kind, params } = analyzeHistory(history);
  return {
    kind,
    params,
    text: { en: verdictText(kind, params, 'en'), pl: verdictText(kind, params, 'pl') },
  };
}
