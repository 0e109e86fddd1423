// Checks what a camper typed into a number field before it reaches the model.

export interface NumberRule {
  min: number;
  max: number;
  integer: boolean;
}

export type NumberProblem = 'empty' | 'notNumber' | 'notWhole' | 'tooSmall' | 'tooLarge';

export type NumberCheck = { ok: true; value: number } | { ok: false; problem: NumberProblem };

/** Accepts "0,5" as well as "0.5": Polish campers write a decimal comma. */
export function checkNumber(text: string, rule: NumberRule): NumberCheck {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: false, problem: 'empty' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, problem: 'notNumber' };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, problem: 'notWhole' };
  if (value < rule.min) return { ok: false, problem: 'tooSmall' };
  if (value > rule.max) return { ok: false, problem: 'tooLarge' };
  return { ok: true, value };
}
