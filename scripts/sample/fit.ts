// Pure pixel work: find a glyph's ink box in a large binary mask and shrink it into a small frame.
// Done in plain JavaScript (IEEE doubles, fixed operation order) so the result does not depend on how
// the canvas library resamples images.

/** Ink bounding box, end coordinates exclusive. */
export interface InkBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Smallest box holding every non-zero pixel of a row-major mask, or null if it has no ink. */
export function inkBox(mask: Uint8Array, width: number, height: number): InkBox | null {
  let x0 = width;
  let y0 = height;
  let x1 = 0;
  let y1 = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (mask[row + x] === 0) continue;
      if (x < x0) x0 = x;
      if (x >= x1) x1 = x + 1;
      if (y < y0) y0 = y;
      y1 = y + 1;
    }
  }
  return x1 === 0 ? null : { x0, y0, x1, y1 };
}

interface Tap {
  index: number;
  weight: number;
}

/** For each output cell, which source cells [from, to) it covers and by how much (area overlap). */
function coverage(
  outCells: number,
  from: number,
  to: number,
  offset: number,
  scale: number,
): Tap[][] {
  const taps: Tap[][] = [];
  for (let i = 0; i < outCells; i++) {
    const a = from + (i - offset) / scale;
    const b = from + (i + 1 - offset) / scale;
    const list: Tap[] = [];
    for (let c = Math.max(from, Math.floor(a)); c < Math.min(to, Math.ceil(b)); c++) {
      const w = Math.min(c + 1, b) - Math.max(c, a);
      if (w > 0) list.push({ index: c, weight: w });
    }
    taps.push(list);
  }
  return taps;
}

/**
 * Scales the ink box of `mask` (values 0 or 1, row-major, `width` wide) to fill a `frame` x `frame`
 * image, keeping the aspect ratio: the longer side spans the whole frame. Each output pixel is the
 * exact fraction of its area covered by ink, times 255 (anti-aliasing by area averaging).
 * `shiftX`/`shiftY` in [-1, 1] move the glyph within the free space of the shorter side
 * (0 = centred, -1 = flush left/top, 1 = flush right/bottom). Returns row-major uint8 pixels.
 */
export function fitToFrame(
  mask: Uint8Array,
  width: number,
  box: InkBox,
  frame: number,
  shiftX = 0,
  shiftY = 0,
): Uint8Array {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const scale = frame / Math.max(w, h);
  const offsetX = ((frame - w * scale) / 2) * (1 + shiftX);
  const offsetY = ((frame - h * scale) / 2) * (1 + shiftY);
  const tapsX = coverage(frame, box.x0, box.x1, offsetX, scale);
  const tapsY = coverage(frame, box.y0, box.y1, offsetY, scale);

  // Horizontal pass: each source row of the box -> `frame` partial sums.
  const rows = new Float64Array(h * frame);
  for (let r = 0; r < h; r++) {
    const src = (box.y0 + r) * width;
    for (let i = 0; i < frame; i++) {
      let sum = 0;
      for (const tap of tapsX[i]) if (mask[src + tap.index] !== 0) sum += tap.weight;
      rows[r * frame + i] = sum;
    }
  }
  // Vertical pass, then normalise by the source area of one output pixel (1 / scale^2).
  const out = new Uint8Array(frame * frame);
  const area = scale * scale;
  for (let j = 0; j < frame; j++) {
    for (let i = 0; i < frame; i++) {
      let sum = 0;
      for (const tap of tapsY[j]) sum += tap.weight * rows[(tap.index - box.y0) * frame + i];
      out[j * frame + i] = Math.round(Math.min(1, sum * area) * 255);
    }
  }
  return out;
}
