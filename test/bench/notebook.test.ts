// The notebook row of the bench: the whole notebook's training time from the presets' speeds.
import { describe, expect, it } from 'vitest';
import { notebookTotal, type NotebookPart } from '../../bench/notebook';

const part = (preset: string, epochs: number, ours: number[], torch: number[] | null) => ({
  preset,
  epochs,
  ours: { samplesPerSecond: ours[1], runs: ours.map((s) => ({ samplesPerSecond: s })) },
  pytorch: torch && {
    samplesPerSecond: torch[1],
    runs: torch.map((s) => ({ samplesPerSecond: s })),
  },
});

describe('notebookTotal', () => {
  it("adds every model's notebook epochs at its median speed, on both sides and per run pair", () => {
    const parts: NotebookPart[] = [
      part('mlp', 20, [900, 1000, 1100], [450, 500, 550]),
      part('batchnorm', 10, [90, 100, 110], [180, 200, 220]),
    ];
    const t = notebookTotal(parts, 1000);
    // ours: 20 epochs of 1000 at 1000/s + 10 epochs of 1000 at 100/s = 20 + 100 s
    expect(t.oursSeconds).toBeCloseTo(120, 9);
    // PyTorch: 20 * 1000 / 500 + 10 * 1000 / 200 = 40 + 50 s
    expect(t.pytorchSeconds).toBeCloseTo(90, 9);
    expect(t.ratio).toBeCloseTo(90 / 120, 9);
    expect(t.epochs).toEqual({ mlp: 20, batchnorm: 10 });
    // run 1: ours 20000/900 + 10000/90, PyTorch 20000/450 + 10000/180
    const run1 = (20000 / 450 + 10000 / 180) / (20000 / 900 + 10000 / 90);
    expect(t.pairRatios).toHaveLength(3);
    expect(t.pairRatios[0]).toBeCloseTo(run1, 9);
    expect(t.slowest).toEqual({ preset: 'batchnorm', ratio: 0.5 });
  });

  it('gives no PyTorch side when a model has no PyTorch runs', () => {
    const t = notebookTotal(
      [part('mlp', 20, [1, 2, 3], [1, 2, 3]), part('conv', 10, [1, 2, 3], null)],
      10,
    );
    expect(t.oursSeconds).toBeCloseTo((20 * 10) / 2 + (10 * 10) / 2, 9);
    expect(t.pytorchSeconds).toBeNull();
    expect(t.ratio).toBeNull();
    expect(t.pairRatios).toEqual([]);
    expect(t.slowest).toBeNull();
  });
});
