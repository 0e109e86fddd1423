// The drawing pad's pixels as the network's picture (the shared preprocessing), or why there is none.
import { preprocessRGBA, toGreyLevels } from '../../../src-main/core/preprocess';
import type { DrawnPicture } from '../../lib/state/predict.svelte';

export interface PadPixels {
  data: ArrayLike<number>;
  width: number;
  height: number;
}

/** `strokes` tells an untouched pad (empty) from one whose strokes hold no ink (blank). */
export function pictureOf(
  image: PadPixels,
  size: { width: number; height: number },
  strokes: number,
): DrawnPicture {
  const outcome = preprocessRGBA(image.data, image.width, image.height, size);
  if (outcome.ok) return { kind: 'ready', levels: toGreyLevels(outcome.pixels) };
  if (outcome.reason === 'blank') return strokes === 0 ? { kind: 'empty' } : { kind: 'blank' };
  return {
    kind: 'too-small',
    size: Math.max(outcome.box.width, outcome.box.height),
    minimum: outcome.minimum,
  };
}
