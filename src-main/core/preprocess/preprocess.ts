// A drawing or a picture of a letter, made to look like a notMNIST letter: white ink on black,
// the glyph's box scaled to fill the frame on its longer side (aspect ratio kept), centred,
// anti-aliased. The drawing canvas, the host and `letter-lab predict` all use this, so the same
// picture always gives the same numbers.
import { fitBox } from './fit';
import { grayFromRGBA } from './gray';
import { inkBox, toInk } from './ink';
import type { GrayImage, PreprocessOptions, PreprocessOutcome } from './types';

export const NETWORK_SIZE = 28;
/** A glyph must be at least this many source pixels long… */
export const MIN_GLYPH_PIXELS = 2;
/** …and at least this share of the picture's longer side. */
export const MIN_GLYPH_SHARE = 1 / 50;

/** The shortest glyph (its longer side, in source pixels) a picture of this size may have. */
export function minimumGlyph(width: number, height: number): number {
  return Math.max(MIN_GLYPH_PIXELS, Math.max(width, height) * MIN_GLYPH_SHARE);
}

export function preprocessGray(image: GrayImage, opts: PreprocessOptions = {}): PreprocessOutcome {
  const width = opts.width ?? NETWORK_SIZE;
  const height = opts.height ?? NETWORK_SIZE;
  const ink = toInk(image, opts.background);
  const box = inkBox(ink);
  if (box === null) return { ok: false, reason: 'blank' };
  const minimum = minimumGlyph(image.width, image.height);
  if (Math.max(box.width, box.height) < minimum) {
    return { ok: false, reason: 'too-small', box, minimum: Math.ceil(minimum) };
  }
  return {
    ok: true,
    width,
    height,
    pixels: fitBox(ink.ink, image.width, box, width, height),
    box,
    inverted: ink.inverted,
  };
}

/** The same for RGBA pixels (a canvas's ImageData, a decoded PNG). */
export function preprocessRGBA(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  opts: PreprocessOptions = {},
): PreprocessOutcome {
  return preprocessGray(grayFromRGBA(rgba, width, height), opts);
}

/** Ink 0..1 as whole grey levels 0..255, the form the predict channels take. */
export function toGreyLevels(pixels: ArrayLike<number>): number[] {
  const out = new Array<number>(pixels.length);
  for (let i = 0; i < pixels.length; i++)
    out[i] = Math.round(Math.min(1, Math.max(0, pixels[i])) * 255);
  return out;
}
