// The error core/spec throws: a LetterLabError, so hosts report its code and message as they are.
import { LetterLabError } from '../errors';

export class SpecError extends LetterLabError {
  override readonly name = 'SpecError';
}
