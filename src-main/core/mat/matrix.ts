import {
  FLAG_COMPLEX,
  FLAG_LOGICAL,
  FLAGS_BYTES,
  MAX_DIMS,
  MAX_NAME_BYTES,
  MI,
  MI_SIZE,
  MX,
  isNumericMiType,
  miName,
} from './constants';
import type { NumericMiType } from './constants';
import type { Place } from './mat-errors';
import { corruptError } from './mat-errors';
import type { ByteSource } from './source';
import type { Tag } from './tag';
import { readTag, u32 } from './tag';
import type { MatClass } from './types';

/** Where a sub-element's payload is, in the coordinates of its source. */
export interface DataRef {
  type: number;
  at: number;
  bytes: number;
}

export interface MatrixInfo {
  name: string;
  mxClass: number;
  className: MatClass;
  dims: number[];
  complex: boolean;
  /** Real part of a numeric array, or the characters of a char array. */
  real: DataRef | null;
  imag: DataRef | null;
}

const CLASS_NAMES: Record<number, MatClass> = {
  [MX.CELL]: 'cell',
  [MX.STRUCT]: 'struct',
  [MX.OBJECT]: 'object',
  [MX.CHAR]: 'char',
  [MX.SPARSE]: 'sparse',
  [MX.DOUBLE]: 'double',
  [MX.SINGLE]: 'single',
  [MX.INT8]: 'int8',
  [MX.UINT8]: 'uint8',
  [MX.INT16]: 'int16',
  [MX.UINT16]: 'uint16',
  [MX.INT32]: 'int32',
  [MX.UINT32]: 'uint32',
  [MX.INT64]: 'int64',
  [MX.UINT64]: 'uint64',
  [MX.FUNCTION]: 'function',
  [MX.OPAQUE]: 'opaque',
};

const TEXT_TYPES: number[] = [MI.UTF8, MI.UTF16, MI.UTF32, MI.UINT16, MI.UINT8, MI.INT8];
const NAME_TYPES: number[] = [MI.INT8, MI.UINT8, MI.UTF8];

export function isNumericClass(mxClass: number): boolean {
  return mxClass >= MX.DOUBLE && mxClass <= MX.UINT64;
}

function readName(src: ByteSource, tag: Tag, place: Place): string {
  if (!NAME_TYPES.includes(tag.type) || tag.bytes > MAX_NAME_BYTES) {
    throw corruptError(
      place.describe(tag.at),
      `the array name should be miINT8 text of at most ${MAX_NAME_BYTES} bytes, ` +
        `found ${miName(tag.type)} of ${tag.bytes} bytes`,
    );
  }
  let name = '';
  for (const b of src.bytes(tag.dataAt, tag.bytes)) {
    if (b === 0) break;
    name += String.fromCharCode(b);
  }
  return name;
}

function readDims(src: ByteSource, tag: Tag, little: boolean, place: Place): number[] {
  const count = tag.bytes / 4;
  if (tag.type !== MI.INT32 || !Number.isInteger(count) || count < 1 || count > MAX_DIMS) {
    throw corruptError(
      place.describe(tag.at),
      `the dimensions should be 1 to ${MAX_DIMS} miINT32 values, ` +
        `found ${miName(tag.type)} of ${tag.bytes} bytes`,
    );
  }
  const raw = src.bytes(tag.dataAt, tag.bytes);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.length);
  const dims: number[] = [];
  for (let i = 0; i < count; i++) {
    const d = view.getInt32(i * 4, little);
    if (d < 0) throw corruptError(place.describe(tag.at), `dimension ${i + 1} is negative (${d})`);
    dims.push(d);
  }
  return dims;
}

/** Checks a numeric part's element against the dims before anyone allocates for it. */
function numericPart(tag: Tag, dims: number[], part: string, place: Place): DataRef {
  if (!isNumericMiType(tag.type)) {
    throw corruptError(
      place.describe(tag.at),
      `the ${part} part should be numeric data, found ${miName(tag.type)}`,
    );
  }
  const size = MI_SIZE[tag.type as NumericMiType];
  const count = dims.reduce((a, b) => a * b, 1);
  if (count * size !== tag.bytes) {
    throw corruptError(
      place.describe(tag.at),
      `dims ${dims.join('x')} make ${count} values (${count * size} bytes of ` +
        `${miName(tag.type)}) but the ${part} part holds ${tag.bytes} bytes`,
    );
  }
  return { type: tag.type, at: tag.dataAt, bytes: tag.bytes };
}

/**
 * Parses the payload [start, end) of a miMATRIX element. With `headerOnly` it stops after the
 * name; otherwise it also locates the real (and imaginary) part of numeric and char arrays.
 * Sets `place.variable` as soon as the name is known.
 */
export function readMatrix(
  src: ByteSource,
  start: number,
  end: number,
  little: boolean,
  place: Place,
  headerOnly: boolean,
): MatrixInfo {
  const flags = readTag(src, start, end, little, place, false);
  if (flags.type !== MI.UINT32 || flags.bytes !== FLAGS_BYTES) {
    throw corruptError(
      place.describe(start),
      `the array flags should be an miUINT32 element of ${FLAGS_BYTES} bytes, ` +
        `found ${miName(flags.type)} of ${flags.bytes} bytes`,
    );
  }
  const word = u32(src.bytes(flags.dataAt, 4), 0, little);
  const mxClass = word & 0xff;
  const bits = (word >>> 8) & 0xff;
  const complex = (bits & FLAG_COMPLEX) !== 0;
  let className: MatClass = CLASS_NAMES[mxClass] ?? 'unknown';
  if ((bits & FLAG_LOGICAL) !== 0 && isNumericClass(mxClass)) className = 'logical';
  const info: MatrixInfo = {
    name: '',
    mxClass,
    className,
    dims: [],
    complex,
    real: null,
    imag: null,
  };
  if (mxClass === MX.OPAQUE) {
    // Opaque objects (strings, tables, ...) have a name right after the flags and no dims.
    info.name = readName(src, readTag(src, flags.next, end, little, place, false), place);
    place.variable = info.name;
    return info;
  }
  const dimsTag = readTag(src, flags.next, end, little, place, false);
  info.dims = readDims(src, dimsTag, little, place);
  const nameTag = readTag(src, dimsTag.next, end, little, place, false);
  info.name = readName(src, nameTag, place);
  place.variable = info.name;
  if (headerOnly) return info;
  if (isNumericClass(mxClass)) {
    const realTag = readTag(src, nameTag.next, end, little, place, false);
    info.real = numericPart(realTag, info.dims, 'real', place);
    if (complex) {
      const imagTag = readTag(src, realTag.next, end, little, place, false);
      info.imag = numericPart(imagTag, info.dims, 'imaginary', place);
    }
  } else if (mxClass === MX.CHAR) {
    const textTag = readTag(src, nameTag.next, end, little, place, false);
    if (!TEXT_TYPES.includes(textTag.type)) {
      throw corruptError(
        place.describe(textTag.at),
        `char data should be text, found ${miName(textTag.type)}`,
      );
    }
    info.real = { type: textTag.type, at: textTag.dataAt, bytes: textTag.bytes };
  }
  return info;
}
