// What teaching did, in one sentence: better on the held-back letters or not, and whether the
// printed letters held up (a drop of more than a few points means it started to forget them).
import type { TeachingInfo } from '../../../src-main/contract/letters';
import type { MessageKey } from '../../lib/i18n/en';

/** Points (0..1) of change that count as "about the same". */
const SAME = 0.02;
/** A drop on the printed letters larger than this is forgetting. */
const FORGOT = 0.05;

export function teachVerdict(
  teaching: TeachingInfo,
): { key: MessageKey; params: Record<string, number> } | null {
  const { before, after } = teaching;
  if (!before || !after) return null;
  const gain = after.heldBack.accuracy - before.heldBack.accuracy;
  const fontDrop =
    before.fonts && after.fonts ? before.fonts.accuracy - after.fonts.accuracy : null;
  const points = (v: number) => Math.round(Math.abs(v) * 100);
  const params = { gain: points(gain), drop: points(fontDrop ?? 0) };
  if (gain <= SAME) {
    return { key: gain < -SAME ? 'letters.verdict.worse' : 'letters.verdict.same', params };
  }
  if (fontDrop !== null && fontDrop > FORGOT) return { key: 'letters.verdict.forgot', params };
  if (fontDrop === null) return { key: 'letters.verdict.betterAlone', params };
  return { key: 'letters.verdict.better', params };
}
