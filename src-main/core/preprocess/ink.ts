// From grey levels to ink: which side is the background, how much ink each pixel holds, and
// where the glyph is.
import type { Box, GrayImage } from './types';

/** Ink must stand out from the background by this much (of the 0..1 range) to count at all. */
export const MIN_CONTRAST = 0.2;
/** Pixels with at least this much ink (0..1, after stretching) belong to the glyph's box. */
export const BOX_THRESHOLD = 0.2;

export interface InkImage {
  width: number;
  height: number;
  /** 0 = background, 1 = the strongest ink. */
  ink: Float32Array;
  /** True when the background was light (dark ink on paper). */
  inverted: boolean;
  /** Grey level of the background, 0..1. */
  background: number;
  /** How far the strongest ink stands out from the background, 0..1. */
  contrast: number;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function borderValues({ width, height, data }: GrayImage): number[] {
  const values: number[] = [];
  for (let x = 0; x < width; x++) {
    values.push(data[x]);
    if (height > 1) values.push(data[(height - 1) * width + x]);
  }
  for (let y = 1; y < height - 1; y++) {
    values.push(data[y * width]);
    if (width > 1) values.push(data[y * width + width - 1]);
  }
  return values;
}

/**
 * Whether the background is light: what most of the border is (drawings and scans have margins).
 * A glyph that fills its frame and covers half the border is settled by the majority of all
 * pixels. Measured on the notMNIST letters turned around or not, the border's majority picks
 * the right side for 99.9% of the sample set and 79% of notMNIST_small, whose bold, boxed and
 * frame-filling glyphs are often ambiguous even to people; `background` overrides it.
 */
function lightBackground(image: GrayImage, border: number[]): boolean {
  const light = border.filter((v) => v > 0.5).length * 2;
  if (light !== border.length) return light > border.length;
  let lightPixels = 0;
  for (let i = 0; i < image.data.length; i++) if (image.data[i] > 0.5) lightPixels++;
  return lightPixels * 2 > image.data.length;
}

/** Which side is the background: found from the picture, or given. */
export type BackgroundChoice = 'auto' | 'dark' | 'light';

/** Finds the background and stretches the ink to 0..1 (1 = the strongest stroke). */
export function toInk(image: GrayImage, choice: BackgroundChoice = 'auto'): InkImage {
  const { width, height, data } = image;
  const border = borderValues(image);
  const inverted = choice === 'auto' ? lightBackground(image, border) : choice === 'light';
  const side = border.filter((v) => (inverted ? v > 0.5 : v <= 0.5));
  const background = median(side.length > 0 ? side : border);
  const base = inverted ? 1 - background : background;
  // v = offset + sign * grey turns the picture so ink is the high side.
  const offset = inverted ? 1 : 0;
  const sign = inverted ? -1 : 1;
  let peak = 0;
  for (let i = 0; i < data.length; i++) {
    const v = offset + sign * data[i];
    if (v > peak) peak = v;
  }
  const contrast = Math.max(0, peak - base);
  const ink = new Float32Array(data.length);
  if (contrast >= MIN_CONTRAST) {
    const scale = sign / contrast;
    const shift = (offset - base) / contrast;
    for (let i = 0; i < data.length; i++) {
      const v = shift + scale * data[i];
      ink[i] = v <= 0 ? 0 : v >= 1 ? 1 : v;
    }
  }
  return { width, height, ink, inverted, background, contrast };
}

/** The smallest box holding every pixel with at least BOX_THRESHOLD ink, or null when none does. */
export function inkBox({ width, height, ink }: InkImage): Box | null {
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (ink[row + x] < BOX_THRESHOLD) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (maxX < 0) return null;
  return { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}
