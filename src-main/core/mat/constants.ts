// Numbers from the MathWorks "MAT-File Format" document (level 5, versions 5 to 7).

/** Data types of level-5 data elements (the "mi" types). */
export const MI = {
  INT8: 1,
  UINT8: 2,
  INT16: 3,
  UINT16: 4,
  INT32: 5,
  UINT32: 6,
  SINGLE: 7,
  DOUBLE: 9,
  INT64: 12,
  UINT64: 13,
  MATRIX: 14,
  COMPRESSED: 15,
  UTF8: 16,
  UTF16: 17,
  UTF32: 18,
} as const;

/** Array classes stored in the array-flags sub-element (the "mx" classes). */
export const MX = {
  CELL: 1,
  STRUCT: 2,
  OBJECT: 3,
  CHAR: 4,
  SPARSE: 5,
  DOUBLE: 6,
  SINGLE: 7,
  INT8: 8,
  UINT8: 9,
  INT16: 10,
  UINT16: 11,
  INT32: 12,
  UINT32: 13,
  INT64: 14,
  UINT64: 15,
  FUNCTION: 16,
  OPAQUE: 17,
} as const;

/** Bits of the flags byte (bits 8..15 of the first array-flags word). */
export const FLAG_COMPLEX = 0x08;
export const FLAG_GLOBAL = 0x04;
export const FLAG_LOGICAL = 0x02;

export const HEADER_BYTES = 128;
export const HEADER_TEXT_BYTES = 116;
export const SUBSYS_OFFSET_AT = 116;
export const VERSION_AT = 124;
export const ENDIAN_AT = 126;
export const VERSION_5 = 0x0100;
export const VERSION_73 = 0x0200;
/** 'M' and 'I' as written by a little-endian machine read as one 16-bit value. */
export const ENDIAN_MARK = 0x4d49;
export const HDF5_SIGNATURE_AT = 512;
export const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
export const GZIP_MAGIC = [0x1f, 0x8b];

export const TAG_BYTES = 8;
export const SMALL_TAG_BYTES = 4;
/** A small data element holds at most this many bytes inside its tag. */
export const SMALL_MAX_BYTES = 4;
export const ALIGN = 8;
export const FLAGS_BYTES = 8;

/** Biggest MAT-file (after any gzip layer) and biggest decompressed element we accept. */
export const MAX_MAT_BYTES = 2 ** 31;
/** zlib's deflate cannot expand data by more than about 1032:1. */
export const DEFLATE_MAX_RATIO = 1032;
export const DEFLATE_SLACK_BYTES = 1024;
/** Compressed bytes inflated to peek at a compressed variable's name and size. */
export const PROBE_INPUT_BYTES = 4096;
export const MAX_DIMS = 32;
export const MAX_NAME_BYTES = 4096;
/** Size of the pieces a file is read in. */
export const CHUNK_BYTES = 2 * 1024 * 1024;

export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export type NumericMiType =
  | typeof MI.INT8
  | typeof MI.UINT8
  | typeof MI.INT16
  | typeof MI.UINT16
  | typeof MI.INT32
  | typeof MI.UINT32
  | typeof MI.SINGLE
  | typeof MI.DOUBLE
  | typeof MI.INT64
  | typeof MI.UINT64;

/** Bytes per value of each numeric data type. */
export const MI_SIZE: Record<NumericMiType, number> = {
  [MI.INT8]: 1,
  [MI.UINT8]: 1,
  [MI.INT16]: 2,
  [MI.UINT16]: 2,
  [MI.INT32]: 4,
  [MI.UINT32]: 4,
  [MI.SINGLE]: 4,
  [MI.DOUBLE]: 8,
  [MI.INT64]: 8,
  [MI.UINT64]: 8,
};

export function isNumericMiType(type: number): type is NumericMiType {
  return Object.prototype.hasOwnProperty.call(MI_SIZE, type);
}

const MI_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(MI).map(([name, value]) => [value, `mi${name}`]),
);

export function miName(type: number): string {
  return MI_NAMES[type] ?? `unknown data type ${type}`;
}

// Sizes the format fixes; checked once so a wrong constant fails loudly.
function assertSizes(): void {
  const checks: [string, boolean][] = [
    ['tag', TAG_BYTES === 2 * Uint32Array.BYTES_PER_ELEMENT],
    ['small tag', SMALL_TAG_BYTES + SMALL_MAX_BYTES === TAG_BYTES],
    ['header', HEADER_TEXT_BYTES + 8 + 2 + 2 === HEADER_BYTES],
    ['double', MI_SIZE[MI.DOUBLE] === Float64Array.BYTES_PER_ELEMENT],
    ['single', MI_SIZE[MI.SINGLE] === Float32Array.BYTES_PER_ELEMENT],
    ['int64', MI_SIZE[MI.INT64] === BigInt64Array.BYTES_PER_ELEMENT],
    ['int32', MI_SIZE[MI.INT32] === Int32Array.BYTES_PER_ELEMENT],
    ['int16', MI_SIZE[MI.INT16] === Int16Array.BYTES_PER_ELEMENT],
    ['align', ALIGN === Float64Array.BYTES_PER_ELEMENT],
    ['chunk', CHUNK_BYTES % ALIGN === 0],
  ];
  for (const [what, ok] of checks) {
    if (!ok) throw new Error(`MAT constants are inconsistent (${what})`);
  }
}
assertSizes();
