import { describe, it, expect } from 'vitest';
import { fitToFrame, inkBox } from '../../../scripts/sample/fit';

/** A width x height mask with one filled rectangle [x0, x1) x [y0, y1). */
function rectMask(width: number, height: number, x0: number, y0: number, x1: number, y1: number) {
  const mask = new Uint8Array(width * height);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) mask[y * width + x] = 1;
  return mask;
}

function sum(values: Uint8Array): number {
  return values.reduce((a, b) => a + b, 0);
}

describe('inkBox', () => {
  it('finds the exclusive bounding box of the ink', () => {
    const mask = rectMask(50, 40, 7, 3, 19, 31);
    expect(inkBox(mask, 50, 40)).toEqual({ x0: 7, y0: 3, x1: 19, y1: 31 });
  });

  it('returns null for an empty mask', () => {
    expect(inkBox(new Uint8Array(100), 10, 10)).toBeNull();
  });
});

describe('fitToFrame', () => {
  it('scales a square of ink to fill the whole frame', () => {
    const mask = rectMask(200, 200, 30, 40, 170, 180);
    const out = fitToFrame(mask, 200, inkBox(mask, 200, 200)!, 28);
    expect(out.every((v) => v === 255)).toBe(true);
  });

  it('keeps the aspect ratio and centres the shorter side', () => {
    // 280 wide x 140 high -> 28 x 14 in the frame, rows 7..20 white, the rest black.
    const mask = rectMask(300, 300, 10, 50, 290, 190);
    const out = fitToFrame(mask, 300, inkBox(mask, 300, 300)!, 28);
    for (let y = 0; y < 28; y++) {
      const row = out.slice(y * 28, y * 28 + 28);
      const expected = y >= 7 && y < 21 ? 255 : 0;
      expect(
        [...row].every((v) => v === expected),
        `row ${y}`,
      ).toBe(true);
    }
  });

  it('anti-aliases partly covered pixels by area', () => {
    // 280 x 150 -> 28 x 15: the free 13 rows split 6.5 / 6.5, so rows 6 and 21 are half covered.
    const mask = rectMask(300, 300, 10, 50, 290, 200);
    const out = fitToFrame(mask, 300, inkBox(mask, 300, 300)!, 28);
    expect(out[6 * 28 + 10]).toBe(128);
    expect(out[21 * 28 + 10]).toBe(128);
    expect(out[7 * 28 + 10]).toBe(255);
    expect(out[5 * 28 + 10]).toBe(0);
    // Total ink is preserved: 28 x 15 pixels' worth.
    expect(sum(out) / 255).toBeCloseTo(28 * 15, 0);
  });

  it('moves the glyph within the free space with shiftX', () => {
    // A tall bar 40 x 280 -> 4 x 28: free space 24 columns.
    const mask = rectMask(300, 300, 100, 10, 140, 290);
    const box = inkBox(mask, 300, 300)!;
    const columnsWithInk = (out: Uint8Array) =>
      [...Array(28).keys()].filter((x) => out[14 * 28 + x] > 0);
    expect(columnsWithInk(fitToFrame(mask, 300, box, 28, -1, 0))).toEqual([0, 1, 2, 3]);
    expect(columnsWithInk(fitToFrame(mask, 300, box, 28, 0, 0))).toEqual([12, 13, 14, 15]);
    expect(columnsWithInk(fitToFrame(mask, 300, box, 28, 1, 0))).toEqual([24, 25, 26, 27]);
  });

  it('keeps the orientation: ink at the top-left of the box lands at the top-left of the frame', () => {
    const mask = rectMask(100, 100, 10, 10, 90, 90);
    // Carve out the bottom-right quarter of the square.
    for (let y = 50; y < 90; y++) for (let x = 50; x < 90; x++) mask[y * 100 + x] = 0;
    const out = fitToFrame(mask, 100, inkBox(mask, 100, 100)!, 28);
    expect(out[0]).toBe(255);
    expect(out[27 * 28 + 27]).toBe(0);
    expect(out[27]).toBe(255);
    expect(out[27 * 28]).toBe(255);
  });
});
