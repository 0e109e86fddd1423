// A small writer for NumPy's .npy format, version 1.0:
// https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
// Layout: magic "\x93NUMPY", major 1, minor 0, header length (uint16 LE), an ASCII
// Python dict literal padded with spaces and ended by "\n" so the data starts at a
// multiple of 64 bytes, then the raw little-endian C-order data.

import { LetterLabError } from '../errors';

/** The typed arrays we can write, each with its NumPy dtype string. */
export type NpyData = Float32Array | Int32Array | Uint8Array;

export interface NpyArray {
  /** C-order (row-major) shape; [] is a scalar. */
  shape: number[];
  data: NpyData;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93 N U M P Y
const VERSION_MAJOR = 1;
const VERSION_MINOR = 0;
/** Magic (6) + version (2) + header length (2). */
const PREAMBLE_BYTES = 10;
/** The format asks for the data to start at a multiple of this. */
const DATA_ALIGNMENT = 64;
/** Version 1.0 stores the header length in a uint16. */
const MAX_HEADER_BYTES = 0xffff;

/** NumPy's dtype string for each typed array: little-endian, or '|' (no byte order) for bytes. */
export function npyDescr(data: NpyData): '<f4' | '<i4' | '|u1' {
  if (data instanceof Float32Array) return '<f4';
  if (data instanceof Int32Array) return '<i4';
  return '|u1';
}

/** Python's repr of a tuple of ints: (), (3,), (3, 4). */
function shapeTuple(shape: number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}

function elementCount(shape: number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

/** The header dict, padded so that the preamble plus header is a multiple of 64 bytes. */
export function npyHeader(descr: string, shape: number[]): string {
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeTuple(shape)}, }`;
  const unpadded = PREAMBLE_BYTES + dict.length + 1; // +1 for the final "\n"
  const padding = (DATA_ALIGNMENT - (unpadded % DATA_ALIGNMENT)) % DATA_ALIGNMENT;
  return dict + ' '.repeat(padding) + '\n';
}

/** Copies the elements as little-endian bytes, bit for bit (NaN payloads included). */
function littleEndianBytes(data: NpyData): Uint8Array {
  const out = new Uint8Array(data.byteLength);
  if (data instanceof Uint8Array) {
    out.set(data);
    return out;
  }
  // Read the 32-bit patterns, not the numbers, so no float is ever canonicalised.
  const words = new Uint32Array(data.buffer, data.byteOffset, data.length);
  const view = new DataView(out.buffer);
  for (let i = 0; i < words.length; i++) view.setUint32(i * 4, words[i]!, true);
  return out;
}

/** Encodes one array as the bytes of a .npy file. */
export function encodeNpy(array: NpyArray): Uint8Array {
  const { shape, data } = array;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new LetterLabError(
        'export.bad-array',
        `Cannot write a .npy array with shape [${shape.join(', ')}]: every dimension must be a whole number ≥ 0.`,
      );
    }
  }
  if (elementCount(shape) !== data.length) {
    throw new LetterLabError(
      'export.bad-array',
      `Cannot write a .npy array: shape [${shape.join(', ')}] needs ${elementCount(shape)} values but ${data.length} were given.`,
    );
  }
  const header = npyHeader(npyDescr(data), shape);
  if (header.length > MAX_HEADER_BYTES) {
    throw new LetterLabError(
      'export.bad-array',
      `Cannot write a .npy array with shape [${shape.join(', ')}]: the header is longer than format 1.0 allows.`,
    );
  }
  const body = littleEndianBytes(data);
  const out = new Uint8Array(PREAMBLE_BYTES + header.length + body.length);
  out.set(MAGIC, 0);
  out[6] = VERSION_MAJOR;
  out[7] = VERSION_MINOR;
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[PREAMBLE_BYTES + i] = header.charCodeAt(i);
  out.set(body, PREAMBLE_BYTES + header.length);
  return out;
}
