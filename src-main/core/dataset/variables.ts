import { LetterLabError } from '../errors';
import type { VariableSummary } from './types';

export const IMAGES = 'images';
export const LABELS = 'labels';

const NUMERIC = new Set([
  'double',
  'single',
  'int8',
  'uint8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'int64',
  'uint64',
  'logical',
]);

export function summarize(v: VariableSummary): string {
  return `${v.name} (${v.class} ${v.dims.join('x')})`;
}

/** The variable called `name`, or a 'dataset.images-missing'/'labels-missing' error. */
export function findVariable<T extends VariableSummary>(
  variables: T[],
  name: string,
  role: 'images' | 'labels',
): T {
  const found = variables.find((v) => v.name === name);
  if (found !== undefined) return found;
  const has = variables.length === 0 ? 'no variables' : variables.map(summarize).join(', ');
  const expected =
    role === 'images'
      ? 'the pixels as height x width x count (or count x height x width)'
      : 'one class number 0..K-1 per image';
  throw new LetterLabError(
    role === 'images' ? 'dataset.images-missing' : 'dataset.labels-missing',
    `The file has no variable named '${name}' (it has ${has}). Letter Lab needs '${name}' with ` +
      `${expected}, as in notMNIST_small.mat. Rename the variable and save the file again.`,
    { variable: name },
  );
}

/** Images and labels must be real numeric (or logical) arrays. */
export function checkNumeric(v: VariableSummary & { complex?: boolean }, role: string): void {
  if (NUMERIC.has(v.class) && !v.complex) return;
  const what = v.complex ? `complex ${v.class}` : v.class;
  throw new LetterLabError(
    role === 'images' ? 'dataset.bad-images' : 'dataset.bad-labels',
    `'${v.name}' is a ${what} array; the ${role} must be a real numeric array ` +
      '(double, single, uint8, ...). Convert it and save the file again.',
    { variable: v.name },
  );
}
