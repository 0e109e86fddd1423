// The preprocessing for the host and the CLI, where a problem is an error with a message.
import { LetterLabError } from '../errors';
import type { PreparedImage, PreprocessOutcome } from './types';

/** The prepared image, or a LetterLabError saying what is wrong with the picture and what to do. */
export function preparedOrThrow(outcome: PreprocessOutcome, what: string): PreparedImage {
  if (outcome.ok) return outcome;
  if (outcome.reason === 'blank') {
    throw new LetterLabError(
      'predict.blank',
      `${what} is blank: no ink stands out from the background. Draw or give a picture of a letter.`,
    );
  }
  const { box, minimum } = outcome;
  throw new LetterLabError(
    'predict.too-small',
    `The ink in ${what} is only ${box.width}x${box.height} pixels (at ${box.x},${box.y}); a letter ` +
      `needs at least ${minimum} pixels on its longer side. Draw it bigger.`,
  );
}
