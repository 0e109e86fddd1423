// The tour's card goes beside its target, over nothing its step talks about, whenever there is
// room; it never covers a ringed target when any place does not.
import { describe, expect, it } from 'vitest';
import {
  CARD_MARGIN,
  placeCard,
  type Rect,
} from '../../../../src-renderer/features/tour/placement';
import {
  stepKeepClear,
  stepTargets,
  type TourSnapshot,
} from '../../../../src-renderer/features/tour/steps';
import { spec } from '../../fixtures';

const VIEW = { width: 1280, height: 720 };
const CARD = { width: 352, height: 210 };

function intersects(a: Rect, b: Rect): boolean {
  return (
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  );
}

const header: Rect = { left: 0, top: 0, width: 1280, height: 64 };

describe('placeCard', () => {
  it('puts the card next to its target, covering neither it nor what the step talks about', () => {
    // The Letters tab at 1280x720: the grid in the middle, the close-up on the right.
    const grid: Rect = { left: 360, top: 150, width: 480, height: 300 };
    const viewer: Rect = { left: 860, top: 150, width: 400, height: 500 };
    const buildTab: Rect = { left: 250, top: 10, width: 70, height: 40 };
    const at = placeCard(CARD, [grid, buildTab], [header, viewer], VIEW);
    const card = { ...at, ...CARD };
    for (const r of [grid, buildTab, header, viewer]) expect(intersects(card, r)).toBe(false);
    expect(at).toMatchObject({ coversTargets: 0, coversKeepClear: 0 });
    // Inside the window.
    expect(at.left).toBeGreaterThanOrEqual(CARD_MARGIN);
    expect(at.top + CARD.height).toBeLessThanOrEqual(VIEW.height - CARD_MARGIN);
  });

  it('prefers the place nearest the first target', () => {
    const target: Rect = { left: 900, top: 300, width: 100, height: 40 };
    const at = placeCard(CARD, [target], [], VIEW);
    const gapLeft = target.left - (at.left + CARD.width);
    const gapRight = at.left - (target.left + target.width);
    const gapAbove = target.top - (at.top + CARD.height);
    const gapBelow = at.top - (target.top + target.height);
    expect(Math.max(gapLeft, gapRight, gapAbove, gapBelow)).toBeLessThanOrEqual(CARD_MARGIN + 8);
    expect(Math.max(gapLeft, gapRight, gapAbove, gapBelow)).toBeGreaterThanOrEqual(CARD_MARGIN);
  });

  it('when every place covers something, it covers what the step talks about, not the target', () => {
    const target: Rect = { left: 500, top: 300, width: 200, height: 100 };
    const everywhere: Rect = { left: 0, top: 0, width: 1280, height: 720 };
    const at = placeCard(CARD, [target], [everywhere], VIEW);
    expect(at.coversTargets).toBe(0);
    expect(intersects({ ...at, ...CARD }, target)).toBe(false);
  });

  it('ignores what is scrolled out of the window', () => {
    const below: Rect = { left: 0, top: 900, width: 1280, height: 400 };
    const target: Rect = { left: 40, top: 100, width: 100, height: 40 };
    const at = placeCard(CARD, [target], [below], VIEW);
    expect(at).toMatchObject({ coversTargets: 0, coversKeepClear: 0 });
  });
});

describe('what each step keeps clear', () => {
  const snapshot = (section: TourSnapshot['section']): TourSnapshot => ({
    section,
    hasLetters: true,
    spec: spec(),
    trainingStatus: 'running',
    savedEpoch: 0,
    drew: false,
  });

  it('names what the step talks about, on its own tab', () => {
    expect(stepKeepClear('letters', snapshot('data'))).toContain('[data-testid="letter-viewer"]');
    expect(stepKeepClear('preset', snapshot('build'))).toContain('[data-testid="palette"]');
    expect(stepKeepClear('train', snapshot('train'))).toEqual(
      expect.arrayContaining(['[data-testid="chart-acc"]', '[data-testid="chart-loss"]']),
    );
    expect(stepKeepClear('draw', snapshot('predict'))).toContain('[data-testid="draw-canvas"]');
    for (const step of ['letters', 'preset', 'train', 'draw', 'done'] as const) {
      expect(stepKeepClear(step, snapshot('notebook'))).toContain('[data-testid="app-header"]');
    }
  });

  it('away from the step’s tab, only the tab button is ringed and the frame kept clear', () => {
    expect(stepTargets('preset', snapshot('data'))).toEqual([['#tab-build']]);
    expect(stepKeepClear('preset', snapshot('data'))).not.toContain('[data-testid="palette"]');
  });
});
