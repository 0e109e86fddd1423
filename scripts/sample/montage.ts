// A PNG contact sheet of the sample set for eyeballing: one column per class, `rows` images each.

import { createCanvas } from '@napi-rs/canvas';
import { LETTERS } from './generate';
import type { Sample } from './generate';
import { rngFor } from './prng';
import { FRAME } from './render';

const RGBA = 4;
const GAP = 1;

/** Picks `rows` images per class (seeded, so the same every time) and returns a PNG, scaled `zoom` times. */
export function montagePng(sample: Sample, rows = 8, zoom = 3, seed = 'montage'): Buffer {
  const rng = rngFor(seed);
  const cell = FRAME * zoom + GAP;
  const width = LETTERS.length * cell;
  const height = rows * cell;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const sheet = ctx.createImageData(width, height);
  sheet.data.fill(96); // grey gaps between cells
  for (let label = 0; label < LETTERS.length; label++) {
    const members: number[] = [];
    for (let n = 0; n < sample.count; n++) if (sample.labels[n] === label) members.push(n);
    for (let r = 0; r < rows && members.length > 0; r++) {
      const n = members.splice(Math.floor(rng() * members.length), 1)[0];
      const base = n * FRAME * FRAME;
      for (let py = 0; py < FRAME * zoom; py++) {
        for (let px = 0; px < FRAME * zoom; px++) {
          const y = Math.floor(py / zoom);
          const x = Math.floor(px / zoom);
          const v = sample.images[base + y + FRAME * x];
          const o = ((r * cell + py) * width + label * cell + px) * RGBA;
          sheet.data[o] = v;
          sheet.data[o + 1] = v;
          sheet.data[o + 2] = v;
          sheet.data[o + 3] = 255;
        }
      }
    }
  }
  ctx.putImageData(sheet, 0, 0);
  return canvas.toBuffer('image/png');
}
