// Every letter in Letter Lab (the Letters tab, the Predict tab's test letters and the drawing pad's
// 28x28 view) is shown the same way: ink dark on white paper. The words say so too.
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { en, pl } from '../../../../src-renderer/lib/i18n/en';
import { drawLetter } from '../../../../src-renderer/lib/letters/draw-letter';

describe('drawLetter', () => {
  it('draws full ink (255) black and empty paper (0) white', () => {
    const canvas = createCanvas(3, 1);
    drawLetter(canvas as unknown as HTMLCanvasElement, [0, 255, 100], 3, 1);
    const data = canvas.getContext('2d').getImageData(0, 0, 3, 1).data;
    expect([data[0], data[4], data[8]]).toEqual([255, 0, 155]);
    expect([data[3], data[7], data[11]]).toEqual([255, 255, 255]);
  });
});

describe('the drawing pad’s words', () => {
  it('describe the network’s view as the pictures show it: dark ink on white', () => {
    for (const key of ['predict.draw.seenLabel', 'predict.draw.seenNote'] as const) {
      expect(en[key]).toContain('dark ink on white');
      expect(en[key]).not.toMatch(/white (ink )?on black/);
      expect(pl[key]).toContain('ciemny tusz na białym tle');
      expect(pl[key]).not.toMatch(/na czarnym/);
    }
  });
});
