// Scales a box of the ink picture to fill the network's frame on its longer side, keeping its
// aspect ratio, centred, by area averaging: every output pixel is the mean ink of the source area
// it covers, so thin strokes and edges become intermediate greys (anti-aliasing) instead of
// jagged steps.
import type { Box } from './types';

interface Tap {
  index: number;
  weight: number;
}

/**
 * For each of `size` output pixels along one axis: the source pixels it covers and by how much
 * (weights sum to 1 inside the glyph, less where the output pixel reaches past the glyph's box,
 * which counts as background). The box `start..start+length` maps to output `offset..offset+length*scale`.
 */
function taps(size: number, start: number, length: number, scale: number, offset: number): Tap[][] {
  const out: Tap[][] = [];
  for (let o = 0; o < size; o++) {
    const from = Math.max(start, start + (o - offset) / scale);
    const to = Math.min(start + length, start + (o + 1 - offset) / scale);
    const list: Tap[] = [];
    for (let i = Math.floor(from); i < to; i++) {
      const covered = Math.min(to, i + 1) - Math.max(from, i);
      if (covered > 0) list.push({ index: i, weight: covered * scale });
    }
    out.push(list);
  }
  return out;
}

export function fitBox(
  ink: Float32Array,
  sourceWidth: number,
  box: Box,
  width: number,
  height: number,
): Float32Array {
  const scale = Math.min(width / box.width, height / box.height);
  const offsetX = (width - box.width * scale) / 2;
  const offsetY = (height - box.height * scale) / 2;
  const columns = taps(width, box.x, box.width, scale, offsetX);
  const rows = taps(height, box.y, box.height, scale, offsetY);
  // Horizontal pass over the box's rows, then the vertical pass.
  const across = new Float32Array(box.height * width);
  for (let r = 0; r < box.height; r++) {
    const source = (box.y + r) * sourceWidth;
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (const tap of columns[x]) sum += ink[source + tap.index] * tap.weight;
      across[r * width + x] = sum;
    }
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (const tap of rows[y]) {
      const r = tap.index - box.y;
      for (let x = 0; x < width; x++) out[y * width + x] += across[r * width + x] * tap.weight;
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = Math.min(1, Math.max(0, out[i]));
  return out;
}
