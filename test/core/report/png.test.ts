// The reports' letter pictures: real PNGs that an image decoder reads back pixel for pixel.
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { greyPng } from '../../../src-main/core/export/png';

describe('greyPng', () => {
  it('encodes greyscale pixels a decoder reads back exactly', async () => {
    const width = 5;
    const height = 3;
    const pixels = Uint8Array.from({ length: width * height }, (_, i) => (i * 17) % 256);
    const image = await loadImage(greyPng(pixels, width, height));
    expect([image.width, image.height]).toEqual([width, height]);
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const rgba = ctx.getImageData(0, 0, width, height).data;
    expect(Array.from({ length: width * height }, (_, i) => rgba[i * 4])).toEqual(
      Array.from(pixels),
    );
  });

  it('refuses sizes that do not fit the pixels', () => {
    expect(() => greyPng(new Uint8Array(6), 2, 2)).toThrow(/2x2 pixels need 4 bytes, got 6/);
    expect(() => greyPng(new Uint8Array(0), 0, 0)).toThrow(/width and height >= 1/);
  });
});
