// Shapes in words for campers ("26 × 26 × 32") and in Keras notation ("(None, 26, 26, 32)").
import type { Shape } from '../../../src-main/contract/spec';
import { t } from '../../lib/i18n/i18n.svelte';
import { formatNumber } from './number-format';

/** "26 × 26 × 32" for a picture, "3,136 numbers" for a list, "?" when it cannot be worked out. */
export function shapeText(shape: Shape | null | undefined): string {
  const dims = (shape ?? []).filter((d): d is number => d !== null);
  if (!shape || dims.length === 0) return t('builder.shape.unknown');
  if (dims.length === 1) return t('builder.shape.list', { count: formatNumber(dims[0]) });
  return dims.map((d) => formatNumber(d)).join(' × ');
}

/** Keras's own notation, with None for the batch. */
export function kerasShape(shape: Shape | null | undefined): string {
  if (!shape) return '?';
  return `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
}
