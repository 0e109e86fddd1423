import { LetterLabError } from '../errors';
import { ENDIAN_MARK, HEADER_BYTES, HEADER_TEXT_BYTES, VERSION_5, VERSION_AT } from './constants';
import { compressElement, concatBytes, encodeMatrix } from './encode';
import type { WriteClass } from './encode';

export type { WriteClass, WriteVariable } from './encode';

export interface WriteMatOptions {
  /** Wrap each variable in a zlib-compressed element (a MAT v7 file). Default false. */
  compress?: boolean;
  /** Byte order of the file. Default 'le'. */
  endian?: 'le' | 'be';
  /** The 116-byte descriptive text (ASCII); padded with spaces. */
  header?: string;
  /** Use the 4-byte small element form for names and data of at most 4 bytes. Default true. */
  smallElements?: boolean;
}

export const DEFAULT_HEADER = 'MATLAB 5.0 MAT-file, Created by: Letter Lab';

function headerBytes(text: string, little: boolean): Uint8Array {
  if (text.length > HEADER_TEXT_BYTES || !/^[\x20-\x7e]*$/.test(text)) {
    throw new LetterLabError(
      'mat.write-invalid',
      `The MAT header text must be printable ASCII of at most ${HEADER_TEXT_BYTES} characters; ` +
        `got ${text.length} characters.`,
    );
  }
  const out = new Uint8Array(HEADER_BYTES);
  out.fill(0x20, 0, HEADER_TEXT_BYTES);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  // Bytes 116..123 (subsystem data offset) stay zero: there is no subsystem data.
  const view = new DataView(out.buffer);
  view.setUint16(VERSION_AT, VERSION_5, little);
  view.setUint16(VERSION_AT + 2, ENDIAN_MARK, little);
  return out;
}

/**
 * Writes a level-5 MAT-file (MATLAB 5-7, readable by MATLAB, scipy and readMat). Data is
 * column-major, as MATLAB stores it. Throws LetterLabError('mat.write-invalid') for bad input.
 */
export function writeMat5(
  vars: {
    name: string;
    class: WriteClass;
    dims: number[];
    data: ArrayLike<number> | string /* column-major */;
  }[],
  opts?: WriteMatOptions,
): Uint8Array {
  const little = (opts?.endian ?? 'le') === 'le';
  const smallElements = opts?.smallElements ?? true;
  const parts = [headerBytes(opts?.header ?? DEFAULT_HEADER, little)];
  for (const v of vars) {
    const element = encodeMatrix(v, { littleEndian: little, smallElements });
    parts.push(opts?.compress ? compressElement(element, little) : element);
  }
  return concatBytes(parts);
}
