import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src-main/core/backend';
import {
  cellMembers,
  confidentMistakes,
  evaluateTestSplit,
  type SplitPredictions,
  type TestEvaluation,
} from '../../../src-main/core/evaluation';
import { loadLetters, predictDirectly, trainTiny } from './trained';

/** Five letters of 3 classes, written out by hand. */
function handMade(): SplitPredictions {
  return {
    indices: Uint32Array.from([40, 10, 30, 20, 50]),
    labels: Uint8Array.from([0, 0, 1, 2, 0]),
    predicted: Uint8Array.from([1, 1, 1, 0, 1]),
    confidence: Float32Array.from([0.6, 0.9, 0.8, NaN, 0.6]),
    truthProbability: Float32Array.from([0.3, 0.05, 0.8, NaN, 0.2]),
    classes: 3,
  };
}

describe('cellMembers and confidentMistakes', () => {
  it('order by confidence, then by letter number, with a diverged (NaN) answer last', () => {
    const p = handMade();
    expect(cellMembers(p, 0, 1, 10)).toEqual({ positions: [1, 0, 4], total: 3 });
    expect(cellMembers(p, 0, 1, 2)).toEqual({ positions: [1, 0], total: 3 });
    expect(cellMembers(p, 1, 1, 10)).toEqual({ positions: [2], total: 1 });
    expect(cellMembers(p, 2, 2, 10)).toEqual({ positions: [], total: 0 });
    expect(confidentMistakes(p, 10)).toEqual({ positions: [1, 0, 4, 3], total: 4 });
    expect(confidentMistakes(p, 0)).toEqual({ positions: [], total: 4 });
  });

  describe('on a trained network', () => {
    let result: TestEvaluation;
    let direct: ReturnType<typeof predictDirectly>;

    beforeAll(async () => {
      await initBackend('wasm');
      const { set } = await loadLetters();
      const model = await trainTiny(set);
      result = await evaluateTestSplit(model, set);
      direct = predictDirectly(model, set);
      model.dispose();
    });

    it('every cell holds exactly the letters its count says', () => {
      const p = result.predictions;
      let seen = 0;
      result.confusion.forEach((row, truth) =>
        row.forEach((count, predicted) => {
          const cell = cellMembers(p, truth, predicted, Number.MAX_SAFE_INTEGER);
          expect(cell.total).toBe(count);
          expect(cell.positions).toHaveLength(count);
          for (const k of cell.positions) {
            expect(p.labels[k]).toBe(truth);
            expect(p.predicted[k]).toBe(predicted);
          }
          seen += count;
        }),
      );
      expect(seen).toBe(result.count);
    });

    it('the surest mistake is the surest wrong answer of the direct prediction', () => {
      const p = result.predictions;
      const mistakes = confidentMistakes(p, 12);
      expect(mistakes.total).toBe(result.count - result.correct);
      expect(mistakes.positions).toHaveLength(Math.min(12, mistakes.total));
      const confidences = mistakes.positions.map((k) => p.confidence[k]);
      expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
      const surest = Math.max(
        ...direct.labels.flatMap((truth, k) =>
          truth === direct.predicted[k] ? [] : [direct.confidence[k]],
        ),
      );
      expect(confidences[0]).toBeCloseTo(surest, 5);
      for (const k of mistakes.positions) expect(p.labels[k]).not.toBe(p.predicted[k]);
    });
  });
});
