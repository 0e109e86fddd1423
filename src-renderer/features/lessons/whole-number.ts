// The teacher's number fields (most epochs, steps open, the budget): what a typed value means. A
// value that is not a whole number in range is refused (the field says why), never taken silently.

/**
 * Reads `text` as a whole number from `min` to `max`: the number, null for an empty field where
 * `emptyAllowed`, undefined when it is not one. `badInput` is the browser's word that a number
 * field holds something that is not a number (its value is then empty).
 */
export function readWhole(
  text: string,
  min: number,
  max: number,
  emptyAllowed: boolean,
  badInput = false,
): number | null | undefined {
  if (badInput) return undefined;
  const trimmed = text.trim();
  if (trimmed === '') return emptyAllowed ? null : undefined;
  const n = Number(trimmed);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}
