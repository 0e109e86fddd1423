// The activation-map and filter grids, painted on a real canvas (@napi-rs/canvas stands in for the
// page's): each cell lands at its place in the grid, in its colour, with the gap colour between.
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import {
  divergingColour,
  gridLayout,
  paintFilters,
  paintMaps,
} from '../../../../src-renderer/features/predict/paint';

function canvas() {
  const c = createCanvas(1, 1);
  const pixel = (x: number, y: number) => [
    ...c.getContext('2d').getImageData(x, y, 1, 1).data.subarray(0, 3),
  ];
  return { element: c as unknown as HTMLCanvasElement, pixel, size: () => [c.width, c.height] };
}

describe('paintMaps', () => {
  it('puts every map pixel at its grid place as a grey block, the gap colour between maps', () => {
    // Three 2x2 maps, two to a row, 3 canvas pixels per map pixel, a gap of 1.
    const layout = { ...gridLayout(3, 2, 2, 6, 2, 1) };
    expect(layout).toMatchObject({ columns: 2, rows: 2, scale: 3, width: 13, height: 13 });
    const bytes = new Uint8Array([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
    const c = canvas();
    paintMaps(c.element, bytes, 3, 2, 2, layout);
    expect(c.size()).toEqual([13, 13]);
    // Map 0 at (0,0): its pixel (row 1, col 0) covers canvas x 0..2, y 3..5.
    expect(c.pixel(2, 5)).toEqual([30, 30, 30]);
    // Map 1 starts at x = 7; its last pixel (row 1, col 1) covers x 10..12, y 3..5.
    expect(c.pixel(12, 3)).toEqual([80, 80, 80]);
    // Map 2 in the second row starts at y = 7.
    expect(c.pixel(0, 7)).toEqual([90, 90, 90]);
    // The gap column between the first two maps, and the empty fourth place.
    expect(c.pixel(6, 0)).toEqual([201, 207, 219]);
    expect(c.pixel(12, 12)).toEqual([201, 207, 219]);
  });
});

describe('paintFilters', () => {
  it('colours each kernel weight by sign and size, one filter after another by `stride`', () => {
    const layout = gridLayout(2, 1, 2, 4, 8, 1);
    // Two 1x2 kernels, each followed by a second input's kernel (stride 4) that is not shown.
    const weights = [-2, 0, 9, 9, 2, 1, 9, 9];
    const c = canvas();
    paintFilters(c.element, weights, 2, 1, 2, 2, layout, 4);
    expect(c.pixel(0, 0)).toEqual(divergingColour(-2, 2));
    expect(c.pixel(2, 1)).toEqual(divergingColour(0, 2));
    expect(c.pixel(5, 0)).toEqual(divergingColour(2, 2));
    expect(c.pixel(7, 1)).toEqual(divergingColour(1, 2));
    expect(c.pixel(4, 0)).toEqual([110, 118, 133]);
  });
});
