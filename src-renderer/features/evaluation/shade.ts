// Colours of the confusion-matrix cells: blue for right answers (the diagonal), red for mistakes,
// darker for more letters. Each level has a text colour with at least 4.5:1 contrast (WCAG AA).

export const INK = '#1b1f2a';
export const PAPER = '#ffffff';
/** Level 0 (no letters) to 5 (the most letters of its kind). */
export const BLUES = ['#ffffff', '#e4edfb', '#bcd2f2', '#8db3e9', '#2f6fcf', '#173f85'];
export const REDS = ['#ffffff', '#fde8e4', '#f8c4b9', '#f19a87', '#c2412d', '#7f1d12'];
const LEVELS = BLUES.length - 1;
/** From this level on the cell is dark enough for white text. */
const WHITE_TEXT_FROM = 4;

/** 0 for an empty cell, else 1..5 by `count` against the largest count of its kind. */
export function shadeLevel(count: number, largest: number): number {
  if (count <= 0 || largest <= 0) return 0;
  return Math.min(LEVELS, Math.max(1, Math.ceil((LEVELS * count) / largest)));
}

export function cellColours(
  count: number,
  largest: number,
  diagonal: boolean,
): { background: string; color: string } {
  const level = shadeLevel(count, largest);
  return {
    background: (diagonal ? BLUES : REDS)[level],
    color: level >= WHITE_TEXT_FROM ? PAPER : INK,
  };
}

/** The largest diagonal count and the largest off-diagonal count of a confusion matrix. */
export function largestCounts(confusion: number[][]): { right: number; wrong: number } {
  let right = 0;
  let wrong = 0;
  confusion.forEach((row, t) =>
    row.forEach((n, p) => {
      if (t === p) right = Math.max(right, n);
      else wrong = Math.max(wrong, n);
    }),
  );
  return { right, wrong };
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
