// Builds the whole sample set in memory: every face draws every letter A..J, plain and jittered.

import { listAllFaces } from './fonts';
import type { FontFace } from './fonts';
import { rngFor, uniform } from './prng';
import { registerFace, verifyFaces } from './register';
import { FRAME, GlyphRenderer, PLAIN_POSE } from './render';
import type { GlyphPose } from './render';

/** Class k is the letter LETTERS[k], as in notMNIST (A = 0 ... J = 9). */
export const LETTERS = 'ABCDEFGHIJ';
/** Images per face and letter: variant 0 is plain, the others are jittered. */
export const VARIANTS = 2;
/** Jitter limits for variants > 0. */
export const MAX_ANGLE_DEG = 5;
export const MAX_STRETCH = 0.15;
export const MAX_SHIFT = 0.6;

export interface Sample {
  faces: FontFace[];
  /** FRAME x FRAME x count, column-major (MATLAB order): pixel (row y, column x) of image n is at y + FRAME*x + FRAME*FRAME*n. */
  images: Uint8Array;
  /** Class 0..9 of each image. */
  labels: Uint8Array;
  count: number;
}

/** The pose of one image; reproducible because it is seeded by face, letter and variant. */
export function poseFor(face: FontFace, letter: string, variant: number): GlyphPose {
  if (variant === 0) return PLAIN_POSE;
  const rng = rngFor(`${face.alias}|${letter}|${variant}`);
  return {
    angleDeg: uniform(rng, -MAX_ANGLE_DEG, MAX_ANGLE_DEG),
    stretchX: uniform(rng, 1 - MAX_STRETCH, 1 + MAX_STRETCH),
    shiftX: uniform(rng, -MAX_SHIFT, MAX_SHIFT),
    shiftY: uniform(rng, -MAX_SHIFT, MAX_SHIFT),
  };
}

/** Registers and verifies the faces (throws on any fallback), then draws the images grouped by class. */
export function generateSample(faces: FontFace[] = listAllFaces()): Sample {
  for (const face of faces) registerFace(face);
  verifyFaces(faces, LETTERS);

  const pixels = FRAME * FRAME;
  const count = LETTERS.length * faces.length * VARIANTS;
  const images = new Uint8Array(count * pixels);
  const labels = new Uint8Array(count);
  const renderer = new GlyphRenderer();
  let n = 0;
  for (let label = 0; label < LETTERS.length; label++) {
    const letter = LETTERS[label];
    for (const face of faces) {
      for (let variant = 0; variant < VARIANTS; variant++) {
        const img = renderer.render(face, letter, poseFor(face, letter, variant));
        const base = n * pixels;
        for (let y = 0; y < FRAME; y++) {
          for (let x = 0; x < FRAME; x++) images[base + y + FRAME * x] = img[y * FRAME + x];
        }
        labels[n++] = label;
      }
    }
  }
  return { faces, images, labels, count };
}
