// What the Letters tab says when a file cannot be opened: a short headline a camper understands,
// the plain explanation of the error's code, and the host's specific detail for the teacher.
import type { ErrorCode } from '../../../src-main/contract/errors';
import type { MessageKey } from '../../lib/i18n/en';

const HEADLINES: Partial<Record<ErrorCode, MessageKey>> = {
  'mat.not-mat': 'dataset.headline.notLetters',
  'mat.v73-hdf5': 'dataset.headline.format',
  'mat.v4': 'dataset.headline.format',
  'mat.unsupported': 'dataset.headline.format',
  'mat.truncated': 'dataset.headline.damaged',
  'mat.element-too-large': 'dataset.headline.damaged',
  'mat.corrupt': 'dataset.headline.damaged',
  'dataset.images-missing': 'dataset.headline.noLetters',
  'dataset.labels-missing': 'dataset.headline.noLetters',
  'dataset.count-mismatch': 'dataset.headline.noLetters',
  'dataset.bad-labels': 'dataset.headline.noLetters',
  'dataset.bad-image-dims': 'dataset.headline.noLetters',
  'dataset.bad-images': 'dataset.headline.noLetters',
  'dataset.bad-pixels': 'dataset.headline.noLetters',
  'file.not-found': 'dataset.headline.notFound',
  'file.unreadable': 'dataset.headline.unreadable',
  'file.too-large': 'dataset.headline.tooLarge',
};

/** The headline for a refused file, or null when the code has none of its own. */
export function problemHeadline(code: ErrorCode | undefined): MessageKey | null {
  return code === undefined ? null : (HEADLINES[code] ?? null);
}
