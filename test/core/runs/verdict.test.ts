// "What happened" read from synthetic curves: each pattern gives its verdict, the sentence names
// the right epochs and accuracies, in English and in Polish.
import { describe, expect, it } from 'vitest';
import { analyzeHistory, runVerdict } from '../../../src-main/core/runs';
import { MIN_EPOCHS, OVERFIT_STEPS } from '../../../src-main/core/runs/verdict';
import {
  NOISY,
  OVERFITTING,
  SETTLED,
  STILL_IMPROVING,
  UNDERFITTING,
  history,
  type Row,
} from './histories';

describe('analyzeHistory', () => {
  it('calls a run with train loss falling and test loss rising for 3 epochs overfitting', () => {
    const found = analyzeHistory(history(OVERFITTING));
    expect(found.kind).toBe('overfitting');
    // The test loss was lowest in epoch 4 and rose in epochs 5, 6 and 7.
    expect(found.params.from).toBe(4);
    expect(found.params.bestEpoch).toBe(4);
    expect(found.params.bestValAcc).toBeCloseTo(0.86);
  });

  it('needs the test loss to rise for 2 epochs in a row: one bad epoch is not overfitting', () => {
    const oneStep = OVERFITTING.slice(0, 5);
    expect(OVERFIT_STEPS).toBe(2);
    expect(analyzeHistory(history(oneStep)).kind).not.toBe('overfitting');
    expect(analyzeHistory(history(OVERFITTING.slice(0, 6))).kind).toBe('overfitting');
  });

  it('also calls it overfitting when training accuracy rises while test accuracy falls', () => {
    // Test loss stays flat; only the accuracies tell.
    const rows: Row[] = [
      [1.0, 0.7, 0.6, 0.8],
      [0.7, 0.8, 0.55, 0.85],
      [0.5, 0.86, 0.55, 0.84],
      [0.4, 0.9, 0.55, 0.82],
      [0.3, 0.93, 0.55, 0.8],
    ];
    const found = analyzeHistory(history(rows));
    expect(found.kind).toBe('overfitting');
    expect(found.params.from).toBe(2);
  });

  it('calls low, flat accuracies underfitting', () => {
    const found = analyzeHistory(history(UNDERFITTING));
    expect(found.kind).toBe('underfitting');
    expect(found.params.acc).toBeCloseTo(0.13);
    expect(found.params.valAcc).toBeCloseTo(0.125);
  });

  it('low accuracies that are still rising fast are not underfitting', () => {
    const rows: Row[] = UNDERFITTING.map(([l, a, vl, va], i) => [
      l,
      a + i * 0.05,
      vl,
      va! + i * 0.05,
    ]);
    expect(analyzeHistory(history(rows)).kind).toBe('still-improving');
  });

  it('sees a run that was still improving when it stopped', () => {
    const found = analyzeHistory(history(STILL_IMPROVING));
    expect(found.kind).toBe('still-improving');
    expect(found.params.fromAcc).toBeCloseTo(0.72);
    expect(found.params.valAcc).toBeCloseTo(0.79);
  });

  it('calls a test accuracy that keeps changing direction noisy', () => {
    const found = analyzeHistory(history(NOISY));
    expect(found.kind).toBe('noisy');
    expect(found.params.turns).toBeGreaterThanOrEqual(3);
    expect(found.params.low).toBeCloseTo(0.7);
    expect(found.params.high).toBeCloseTo(0.81);
  });

  it('calls a levelled-off run settled', () => {
    const found = analyzeHistory(history(SETTLED));
    expect(found.kind).toBe('settled');
    expect(found.params.bestEpoch).toBe(4);
  });

  it('is too short to tell with fewer than 3 epochs, whatever the curves do', () => {
    expect(MIN_EPOCHS).toBe(3);
    for (const rows of [OVERFITTING, UNDERFITTING, STILL_IMPROVING]) {
      for (const n of [0, 1, 2]) {
        const found = analyzeHistory(history(rows.slice(0, n)));
        expect(found).toEqual({ kind: 'too-short', params: { epochs: n, minEpochs: 3 } });
      }
    }
  });

  it('says when there are no test letters, and when the loss blew up', () => {
    const noTest = STILL_IMPROVING.map(([l, a]) => [l, a, null, null] as Row);
    expect(analyzeHistory(history(noTest)).kind).toBe('no-validation');
    const blown = history(STILL_IMPROVING);
    blown[1] = { ...blown[1], loss: Number.NaN };
    expect(analyzeHistory(blown)).toEqual({ kind: 'diverged', params: { epoch: 2 } });
  });
});

describe('runVerdict sentences', () => {
  it('fills in the numbers in English and Polish', () => {
    const v = runVerdict(history(OVERFITTING));
    expect(v.text.en).toMatch(/^Overfitting: from epoch 4 .* 86\.0%, in epoch 4\./);
    expect(v.text.pl).toMatch(/^Przeuczenie: od epoki 4 .* 86,0%, miała w epoce 4\./);
    const short = runVerdict(history(OVERFITTING.slice(0, 2)));
    expect(short.text.en).toContain('Too short to tell: 2 finished epochs');
    expect(short.text.pl).toContain('Za krótko');
    const improving = runVerdict(history(STILL_IMPROVING));
    expect(improving.text.en).toContain('from 72.0% to 79.0% in the last 2 epochs');
    expect(improving.text.pl).toContain('z 72,0% do 79,0% w ostatnich 2 epokach');
  });

  it('leaves no placeholder unfilled for any kind', () => {
    const all = [
      OVERFITTING,
      UNDERFITTING,
      STILL_IMPROVING,
      NOISY,
      SETTLED,
      OVERFITTING.slice(0, 1),
    ];
    for (const rows of all) {
      const v = runVerdict(history(rows));
      expect(v.text.en).not.toMatch(/[{}]/);
      expect(v.text.pl).not.toMatch(/[{}]/);
    }
  });
});
