// The numbers behind the lesson pictures, worked out for real: a 3x3 filter on a tiny picture
// with a stroke going down, and 2x2 max pooling of a 4x4 grid.

/** A 6x6 letter A, 1 for ink. */
export const LETTER_A: readonly (readonly number[])[] = [
  [0, 0, 1, 1, 0, 0],
  [0, 1, 0, 0, 1, 0],
  [0, 1, 0, 0, 1, 0],
  [0, 1, 1, 1, 1, 0],
  [0, 1, 0, 0, 1, 0],
  [0, 1, 0, 0, 1, 0],
];

/** A 7x7 picture with one stroke going down and a short bar. */
export const STROKE: readonly (readonly number[])[] = [
  [0, 0, 0, 1, 0, 0, 0],
  [0, 0, 0, 1, 0, 0, 0],
  [0, 0, 0, 1, 0, 0, 0],
  [0, 0, 0, 1, 0, 0, 0],
  [0, 0, 0, 1, 1, 1, 0],
  [0, 0, 0, 1, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0],
];

/** A filter that lights up on a stroke going down: the middle column counts, its sides count against. */
export const STROKE_FILTER: readonly (readonly number[])[] = [
  [-1, 2, -1],
  [-1, 2, -1],
  [-1, 2, -1],
];

/** 'valid' convolution (no padding, step 1) of `image` with a square `filter`. */
export function convolve(
  image: readonly (readonly number[])[],
  filter: readonly (readonly number[])[],
): number[][] {
  const k = filter.length;
  const rows = image.length - k + 1;
  const cols = image[0].length - k + 1;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      let sum = 0;
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) sum += image[r + i][c + j] * filter[i][j];
      return sum;
    }),
  );
}

export const POOL_INPUT: readonly (readonly number[])[] = [
  [1, 3, 2, 0],
  [5, 2, 1, 4],
  [0, 1, 7, 2],
  [2, 6, 3, 1],
];

/** 2x2 max pooling with step 2. */
export function maxPool2x2(grid: readonly (readonly number[])[]): number[][] {
  return Array.from({ length: Math.floor(grid.length / 2) }, (_, r) =>
    Array.from({ length: Math.floor(grid[0].length / 2) }, (_, c) =>
      Math.max(
        grid[2 * r][2 * c],
        grid[2 * r][2 * c + 1],
        grid[2 * r + 1][2 * c],
        grid[2 * r + 1][2 * c + 1],
      ),
    ),
  );
}
