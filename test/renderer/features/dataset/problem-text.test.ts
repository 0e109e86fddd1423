// Refused letters files get a headline a camper understands, in both languages.
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../../src-main/contract/errors';
import { en, pl } from '../../../../src-renderer/lib/i18n/en';
import { problemHeadline } from '../../../../src-renderer/features/dataset/problem-text';

describe('problemHeadline', () => {
  it('says "This is not a letters file" for a file that is not a MAT-file', () => {
    expect(en[problemHeadline('mat.not-mat')!]).toBe('This is not a letters file');
    expect(pl[problemHeadline('mat.not-mat')!]).toBe('To nie jest plik z literami');
  });

  it('has a headline for every file, MAT and dataset error, and none for others', () => {
    const fileCodes: ErrorCode[] = [
      'file.not-found',
      'file.unreadable',
      'file.too-large',
      'mat.v73-hdf5',
      'mat.v4',
      'mat.truncated',
      'mat.element-too-large',
      'mat.corrupt',
      'mat.unsupported',
      'dataset.images-missing',
      'dataset.labels-missing',
      'dataset.count-mismatch',
      'dataset.bad-labels',
      'dataset.bad-image-dims',
      'dataset.bad-images',
      'dataset.bad-pixels',
    ];
    for (const code of fileCodes) expect(problemHeadline(code), code).not.toBeNull();
    expect(problemHeadline('training.busy')).toBeNull();
    expect(problemHeadline(undefined)).toBeNull();
  });
});
