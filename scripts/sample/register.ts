// Registers font faces with @napi-rs/canvas and proves each one is really used.
// @napi-rs/canvas silently falls back to a system font when a family is unknown, so every face is
// checked: registration must return a key, and every letter must render differently from the
// fallback font and from every other face.

import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import type { SKRSContext2D } from '@napi-rs/canvas';
import { LetterLabError } from '../../src-main/core/errors';
import { fontSpec } from './fonts';
import type { FontFace } from './fonts';
import { hashBytes, hashString } from './prng';

/** A family name nobody registers: drawing with it shows what the fallback font looks like. */
export const FALLBACK_PROBE_FAMILY = 'LetterLab no such font';

const PROBE_PX = 64;
const PROBE_CANVAS = 112;
const RGBA = 4;

/** Registers one face under its unique alias; throws if @napi-rs/canvas rejects the file. */
export function registerFace(face: FontFace): void {
  const key = GlobalFonts.registerFromPath(face.file, face.alias);
  const family = GlobalFonts.families.find((f) => f.family === face.alias);
  if (key === null || !GlobalFonts.has(face.alias) || !family) {
    throw new LetterLabError(
      'sample.font-unregistered',
      `@napi-rs/canvas could not register ${face.name} from ${face.file}. ` +
        'Check that the file is a valid font (reinstall the package), then run npm run make-sample again.',
    );
  }
  if (!family.styles.some((s) => s.style === face.style)) {
    throw new LetterLabError(
      'sample.font-unregistered',
      `${face.file} registered as ${family.styles.map((s) => s.style).join('/')} ` +
        `but the sample expects style "${face.style}" for ${face.name}.`,
    );
  }
}

function drawProbe(ctx: SKRSContext2D, font: string, letter: string): Uint8ClampedArray {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, PROBE_CANVAS, PROBE_CANVAS);
  ctx.fillStyle = '#fff';
  ctx.font = font;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'center';
  ctx.fillText(letter, PROBE_CANVAS / 2, PROBE_CANVAS * 0.7);
  return ctx.getImageData(0, 0, PROBE_CANVAS, PROBE_CANVAS).data;
}

function sameBytes(a: Uint8ClampedArray, b: Uint8ClampedArray): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function hasInk(pixels: Uint8ClampedArray): boolean {
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i] > 0) return true;
  return false;
}

/**
 * Throws unless every face draws every letter with ink, unlike the fallback font drawn with the same
 * weight and style, and unlike every other face (two identical faces mean a weight/style was ignored).
 */
export function verifyFaces(faces: readonly FontFace[], letters: string): void {
  const ctx = createCanvas(PROBE_CANVAS, PROBE_CANVAS).getContext('2d');
  const seen = new Map<number, string>();
  for (const face of faces) {
    const fallbackFace = { ...face, alias: FALLBACK_PROBE_FAMILY };
    let signature = '';
    for (const letter of letters) {
      const own = drawProbe(ctx, fontSpec(face, PROBE_PX), letter);
      const fallback = drawProbe(ctx, fontSpec(fallbackFace, PROBE_PX), letter);
      if (!hasInk(own) || sameBytes(own, fallback)) {
        throw new LetterLabError(
          'sample.font-fallback',
          `${face.name} (${face.alias}) drew "${letter}" ${hasInk(own) ? 'exactly like the fallback font' : 'as an empty image'}: ` +
            'the face is not really registered. Check the font file and registerFace().',
        );
      }
      signature += `${hashBytes(own, RGBA)},`;
    }
    const hash = hashString(signature);
    const twin = seen.get(hash);
    if (twin !== undefined) {
      throw new LetterLabError(
        'sample.font-fallback',
        `${face.name} draws A..J exactly like ${twin}: its weight or style was not applied.`,
      );
    }
    seen.set(hash, face.name);
  }
}
