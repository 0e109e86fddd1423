import { LetterLabError } from '../errors';

const RESAVE =
  "Re-save it as a version 5-7 MAT-file: in MATLAB `save('file.mat', 'images', 'labels', '-v7')`, " +
  "in Python `scipy.io.savemat('file.mat', {'images': images, 'labels': labels}, format='5')`.";
const GET_AGAIN = 'Download or copy the file again, or re-save it from MATLAB or scipy.';

/** Where in a file something is: a variable (once its name is known) and a byte offset. */
export class Place {
  variable: string | null = null;

  /** `compressedAt` is the offset of the miCOMPRESSED element whose inflated bytes are read. */
  constructor(readonly compressedAt: number | null = null) {}

  describe(offset: number): string {
    const what = this.variable === null ? 'the element' : `variable '${this.variable}'`;
    if (this.compressedAt === null) return `${what} at byte ${offset}`;
    return (
      `${what} at byte ${offset} of the decompressed data of the compressed element ` +
      `at byte ${this.compressedAt}`
    );
  }

  details(offset: number): Record<string, string | number> {
    const out: Record<string, string | number> = { offset };
    if (this.variable !== null) out.variable = this.variable;
    if (this.compressedAt !== null) out.compressedAt = this.compressedAt;
    return out;
  }
}

export function notMatError(detail: string): LetterLabError {
  return new LetterLabError(
    'mat.not-mat',
    `This is not a MATLAB MAT-file: ${detail}. Letter Lab reads MAT-files saved by MATLAB ` +
      "(`save -v7` or `-v6`) or by scipy (`scipy.io.savemat(..., format='5')`), optionally gzipped.",
  );
}

export function v73Error(): LetterLabError {
  return new LetterLabError(
    'mat.v73-hdf5',
    'This is a MATLAB v7.3 MAT-file, which is an HDF5 file inside; Letter Lab reads MAT-files of ' +
      `versions 5 to 7. ${RESAVE}`,
  );
}

export function v4Error(name: string): LetterLabError {
  const first = name === '' ? '' : ` (its first variable is '${name}')`;
  return new LetterLabError(
    'mat.v4',
    `This looks like an old version 4 MAT-file${first}; Letter Lab reads versions 5 to 7. ${RESAVE}`,
  );
}

export function truncatedError(what: string, needEnd: number, size: number): LetterLabError {
  return new LetterLabError(
    'mat.truncated',
    `The file is cut short: ${what} needs bytes up to ${needEnd}, but the data ends at byte ` +
      `${size}. It was probably not fully downloaded or copied. ${GET_AGAIN}`,
    { needEnd, size },
  );
}

export function cutShortError(what: string): LetterLabError {
  return new LetterLabError(
    'mat.truncated',
    `The file is cut short: ${what} stops in the middle of its compressed stream. ` +
      `It was probably not fully downloaded or copied. ${GET_AGAIN}`,
  );
}

export function tooLargeError(what: string, claimed: number, room: string): LetterLabError {
  return new LetterLabError(
    'mat.element-too-large',
    `${capitalize(what)} claims ${claimed} bytes, but ${room}. The file is damaged. ${GET_AGAIN}`,
    { claimed },
  );
}

export function corruptError(what: string, detail: string): LetterLabError {
  return new LetterLabError('mat.corrupt', `The file is damaged: ${what}: ${detail}. ${GET_AGAIN}`);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
