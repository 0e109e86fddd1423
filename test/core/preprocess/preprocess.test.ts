import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NETWORK_SIZE,
  grayFromRGBA,
  minimumGlyph,
  preprocessGray,
  preprocessRGBA,
  toGreyLevels,
  toInk,
  type PreparedImage,
  type PreprocessOutcome,
} from '../../../src-main/core/preprocess';
import { preparedOrThrow } from '../../../src-main/core/preprocess/checked';
import { LetterLabError } from '../../../src-main/core/errors';
import { loadDataset } from '../../../src-main/core/dataset/load';
import { disc, inkedLines, inverse, letterL, moments, paper, rect, toRGBA } from './draw';

const SAMPLE = path.resolve(import.meta.dirname, '../../../resources/sample/sample-letters.mat');
const N = NETWORK_SIZE;
const BLACK = 0;
const WHITE = 1;

function ok(outcome: PreprocessOutcome): PreparedImage {
  if (!outcome.ok) throw new Error(`expected a letter, got ${outcome.reason}`);
  return outcome;
}

describe('preprocessing a drawing into the network’s 28x28 form', () => {
  it('scales a tall glyph’s box to fill the frame from top to bottom, centred', () => {
    // A bar 20 wide and 120 tall, far from the centre of a 300x300 sheet of paper.
    const image = rect(paper(300, 300, WHITE), 40, 100, 20, 120, BLACK);
    const out = ok(preprocessGray(image));
    expect([out.width, out.height, out.pixels.length]).toEqual([N, N, N * N]);
    expect(out.box).toEqual({ x: 40, y: 100, width: 20, height: 120 });
    expect(inkedLines(out.pixels, N, 'rows')).toEqual(Array.from({ length: N }, (_, k) => k));
    expect(out.pixels[0 * N + 14]).toBeGreaterThan(0.99);
    expect(out.pixels[27 * N + 14]).toBeGreaterThan(0.99);
    const { cx, cy, mass } = moments(out.pixels, N);
    expect(cx).toBeCloseTo(N / 2, 4);
    expect(cy).toBeCloseTo(N / 2, 4);
    // 20/120 of the 28 pixel width, full height.
    expect(mass).toBeCloseTo(N * N * (20 / 120), 3);
  });

  it.each([
    [100, 50],
    [50, 100],
    [60, 60],
    [30, 150],
    [90, 150],
  ])('keeps the aspect ratio of a %ix%i box and centres it', (w, h) => {
    const image = rect(paper(400, 300, WHITE), 17, 33, w, h, BLACK);
    const out = ok(preprocessGray(image));
    const ratio = Math.min(w, h) / Math.max(w, h);
    const { cx, cy, mass } = moments(out.pixels, N);
    expect(mass).toBeCloseTo(N * N * ratio, 3);
    expect(cx).toBeCloseTo(N / 2, 4);
    expect(cy).toBeCloseTo(N / 2, 4);
    const longer = inkedLines(out.pixels, N, w >= h ? 'columns' : 'rows');
    expect(longer).toHaveLength(N);
    const shorter = inkedLines(out.pixels, N, w >= h ? 'rows' : 'columns', 0.5);
    expect(shorter.length).toBeGreaterThanOrEqual(Math.floor(N * ratio));
    expect(shorter.length).toBeLessThanOrEqual(Math.ceil(N * ratio) + 1);
  });

  it('turns dark ink on light paper into white ink on black, as notMNIST letters are', () => {
    const dark = letterL(paper(240, 240, WHITE), 60, 30, 110, 170, 22, BLACK);
    const light = inverse(dark);
    const fromDark = ok(preprocessGray(dark));
    const fromLight = ok(preprocessGray(light));
    expect(fromDark.inverted).toBe(true);
    expect(fromLight.inverted).toBe(false);
    expect(Array.from(fromDark.pixels)).toEqual(Array.from(fromLight.pixels));
    // The stem of the L is on the left and white; the space to its right, above the foot, black.
    expect(fromLight.pixels[5 * N + 6]).toBeGreaterThan(0.99);
    expect(fromLight.pixels[5 * N + 20]).toBe(0);
  });

  it('handles grey paper and grey ink (a photo) like clean black and white', () => {
    const clean = ok(preprocessGray(letterL(paper(200, 200, WHITE), 40, 20, 90, 150, 18, BLACK)));
    const photo = ok(preprocessGray(letterL(paper(200, 200, 0.82), 40, 20, 90, 150, 18, 0.15)));
    expect(photo.inverted).toBe(true);
    photo.pixels.forEach((v, i) => expect(v).toBeCloseTo(clean.pixels[i], 5));
  });

  it('lays a transparent background under the ink so a dark or a light glyph stays visible', () => {
    const glyph = letterL(paper(120, 120, WHITE), 20, 10, 60, 90, 12, BLACK);
    const inkOnly = (i: number) => (glyph.data[i] < 0.5 ? 255 : 0);
    const onPaper = ok(preprocessRGBA(toRGBA(glyph), 120, 120));
    const darkTransparent = ok(preprocessRGBA(toRGBA(glyph, inkOnly), 120, 120));
    const lightTransparent = ok(preprocessRGBA(toRGBA(inverse(glyph), inkOnly), 120, 120));
    expect(Array.from(darkTransparent.pixels)).toEqual(Array.from(onPaper.pixels));
    expect(Array.from(lightTransparent.pixels)).toEqual(Array.from(onPaper.pixels));
    expect(grayFromRGBA(toRGBA(glyph, inkOnly), 120, 120).data[0]).toBe(1);
  });

  it('anti-aliases: round and slanted edges become intermediate greys', () => {
    const image = disc(paper(200, 200, WHITE), 100, 100, 61.3, BLACK);
    const out = ok(preprocessGray(image));
    const partial = Array.from(out.pixels).filter((v) => v > 0.05 && v < 0.95);
    expect(partial.length).toBeGreaterThan(20);
    expect(out.pixels[14 * N + 14]).toBe(1);
    expect(out.pixels[0]).toBe(0);
    // The disc's share of its square box survives the downsampling (area is kept).
    expect(moments(out.pixels, N).mass / (N * N)).toBeCloseTo(Math.PI / 4, 1);
  });

  it('says "blank" for an empty sheet, a black sheet and faint noise', () => {
    expect(preprocessGray(paper(100, 80, WHITE))).toEqual({ ok: false, reason: 'blank' });
    expect(preprocessGray(paper(100, 80, BLACK))).toEqual({ ok: false, reason: 'blank' });
    const noisy = paper(100, 80, WHITE);
    noisy.data.forEach((_, i) => (noisy.data[i] = 0.9 + (0.1 * ((i * 7919) % 13)) / 13));
    expect(preprocessGray(noisy)).toEqual({ ok: false, reason: 'blank' });
    expect(() => preparedOrThrow(preprocessGray(noisy), 'The drawing')).toThrow(
      expect.objectContaining({
        code: 'predict.blank',
        message: expect.stringMatching(/^The drawing is blank/),
      }),
    );
  });

  it('scales a small dot up into a centred round blob', () => {
    const out = ok(preprocessGray(disc(paper(336, 336, WHITE), 250, 60, 6, BLACK)));
    expect(out.box.width).toBe(12);
    expect(out.pixels[14 * N + 14]).toBe(1);
    expect([out.pixels[0], out.pixels[N - 1], out.pixels[N * N - 1]]).toEqual([0, 0, 0]);
    const { cx, cy } = moments(out.pixels, N);
    expect(cx).toBeCloseTo(N / 2, 4);
    expect(cy).toBeCloseTo(N / 2, 4);
  });

  it('refuses a speck too small to be a letter, saying how big it must be', () => {
    const speck = rect(paper(336, 336, WHITE), 100, 100, 3, 3, BLACK);
    const outcome = preprocessGray(speck);
    const minimum = Math.ceil(minimumGlyph(336, 336));
    expect(minimum).toBeGreaterThan(3);
    expect(outcome).toEqual({
      ok: false,
      reason: 'too-small',
      box: { x: 100, y: 100, width: 3, height: 3 },
      minimum,
    });
    let error: unknown;
    try {
      preparedOrThrow(outcome, 'The drawing');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LetterLabError);
    expect((error as LetterLabError).code).toBe('predict.too-small');
    expect((error as LetterLabError).message).toContain(`3x3 pixels`);
    expect((error as LetterLabError).message).toContain(`at least ${minimum} pixels`);
  });

  it('makes other frame sizes when the network takes them', () => {
    const out = ok(
      preprocessGray(rect(paper(90, 90, WHITE), 10, 10, 30, 60, BLACK), { width: 32, height: 16 }),
    );
    expect([out.width, out.height, out.pixels.length]).toEqual([32, 16, 512]);
    expect(moments(out.pixels, 32).mass).toBeCloseTo(16 * 8, 3);
  });

  it('toGreyLevels gives whole levels 0..255', () => {
    expect(toGreyLevels(Float32Array.from([0, 0.5, 1, 1.2, -0.1, 0.002]))).toEqual([
      0, 128, 255, 255, 0, 1,
    ]);
  });

  it('reads the sample set’s letters as light on dark, their negatives as dark on light, and keeps them', async () => {
    const { set } = await loadDataset(SAMPLE);
    const size = set.height * set.width;
    let wrong = 0;
    let changed = 0;
    for (let i = 0; i < set.count; i++) {
      const data = set.images.slice(i * size, (i + 1) * size);
      const image = { width: set.width, height: set.height, data };
      if (toInk(image).inverted) wrong++;
      if (!toInk(inverse(image)).inverted) wrong++;
      const out = ok(preprocessGray(image));
      let diff = 0;
      for (let p = 0; p < size; p++) diff += Math.abs(out.pixels[p] - data[p]);
      changed += diff / size;
    }
    // Bold glyphs that fill the frame can cover half the border; nearly all are still right.
    expect(wrong / (2 * set.count)).toBeLessThan(0.005);
    // notMNIST letters already fill the frame: preprocessing moves them by half a pixel at most.
    expect(changed / set.count).toBeLessThan(0.08);
  });

  it('follows an explicit background choice for ambiguous pictures', () => {
    // Half the border light, half dark: a frame-filling glyph.
    const image = rect(paper(40, 40, BLACK), 0, 0, 20, 40, WHITE);
    const auto = ok(preprocessGray(image));
    const asDark = ok(preprocessGray(image, { background: 'dark' }));
    const asLight = ok(preprocessGray(image, { background: 'light' }));
    expect(asDark.inverted).toBe(false);
    expect(asLight.inverted).toBe(true);
    expect(auto.inverted).toBe(false);
    expect(asDark.box).toEqual({ x: 0, y: 0, width: 20, height: 40 });
    expect(asLight.box).toEqual({ x: 20, y: 0, width: 20, height: 40 });
  });
});
