// Where the guided tour's card goes: beside what its step talks about, never over it. Pure: the
// page's rectangles come in (viewport coordinates), the card's place comes out.
//
// Every place the card fits in the window is tried (on an 8-pixel grid). A place that covers a
// ringed target costs far more than one that covers something else the step talks about, which
// costs far more than being far from the first target. The cheapest place wins, so the card sits
// next to its target, over nothing the step needs, whenever the window has room for that.

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Area of the ringed targets the card covers (0 when it covers none). */
  coversTargets: number;
  /** Area of the other things the step talks about that the card covers. */
  coversKeepClear: number;
}

/** Room kept between the card and the window's edges and what it must not cover. */
export const CARD_MARGIN = 12;
const GRID = 8;
const TARGET_COST = 1e6;
const KEEP_CLEAR_COST = 1e3;

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

function grow(r: Rect, by: number): Rect {
  return { left: r.left - by, top: r.top - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

/** The part of `r` inside the window, or null when none is. */
function visible(r: Rect, view: Size): Rect | null {
  const left = Math.max(0, r.left);
  const top = Math.max(0, r.top);
  const right = Math.min(view.width, r.left + r.width);
  const bottom = Math.min(view.height, r.top + r.height);
  return right > left && bottom > top
    ? { left, top, width: right - left, height: bottom - top }
    : null;
}

/** How far the card at `c` is from `r` (0 when they touch). */
function distance(c: Rect, r: Rect): number {
  const dx = Math.max(0, r.left - (c.left + c.width), c.left - (r.left + r.width));
  const dy = Math.max(0, r.top - (c.top + c.height), c.top - (r.top + r.height));
  return Math.hypot(dx, dy);
}

function positions(from: number, to: number): number[] {
  const list: number[] = [];
  for (let v = from; v < to; v += GRID) list.push(v);
  list.push(Math.max(from, to));
  return list;
}

export function placeCard(
  card: Size,
  targets: readonly Rect[],
  keepClear: readonly Rect[],
  view: Size,
): Placement {
  const near = targets.map((t) => visible(t, view)).find((t) => t !== null) ?? null;
  const hard = targets.map((t) => visible(grow(t, CARD_MARGIN), view)).filter((r) => r !== null);
  const soft = keepClear.map((r) => visible(grow(r, CARD_MARGIN), view)).filter((r) => r !== null);
  let best: Placement | null = null;
  let bestCost = Infinity;
  for (const top of positions(CARD_MARGIN, view.height - card.height - CARD_MARGIN)) {
    for (const left of positions(CARD_MARGIN, view.width - card.width - CARD_MARGIN)) {
      const at = { left, top, width: card.width, height: card.height };
      const coversTargets = hard.reduce((sum, r) => sum + overlap(at, r), 0);
      const coversKeepClear = soft.reduce((sum, r) => sum + overlap(at, r), 0);
      const cost =
        coversTargets * TARGET_COST +
        coversKeepClear * KEEP_CLEAR_COST +
        (near ? distance(at, near) : 0);
      if (cost < bestCost) {
        bestCost = cost;
        best = { left, top, coversTargets, coversKeepClear };
      }
    }
  }
  return best ?? { left: CARD_MARGIN, top: CARD_MARGIN, coversTargets: 0, coversKeepClear: 0 };
}
