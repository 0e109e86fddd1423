import { deflateSync } from 'node:zlib';
import { LetterLabError } from '../errors';
import {
  ALIGN,
  FLAG_LOGICAL,
  HOST_LITTLE_ENDIAN,
  MI,
  MI_SIZE,
  MX,
  SMALL_MAX_BYTES,
  SMALL_TAG_BYTES,
  TAG_BYTES,
} from './constants';
import type { NumericMiType } from './constants';
import { NUMBER_STORAGE, swapBytes } from './decode';

export type WriteClass =
  | 'double'
  | 'single'
  | 'uint8'
  | 'int8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64'
  | 'logical'
  | 'char';

export interface WriteVariable {
  name: string;
  class: WriteClass;
  dims: number[];
  /** Column-major values, or the text of a char array. */
  data: ArrayLike<number> | string;
}

export interface EncodeOptions {
  littleEndian: boolean;
  smallElements: boolean;
  /** Store the real part as this data type (MATLAB stores integer-valued doubles as miUINT8). */
  storeAs?: NumericMiType;
}

/** Array class, storage type and integer range of each class the writer supports. */
const CLASSES: Record<WriteClass, { mx: number; mi: NumericMiType; range?: [number, number] }> = {
  double: { mx: MX.DOUBLE, mi: MI.DOUBLE },
  single: { mx: MX.SINGLE, mi: MI.SINGLE },
  int8: { mx: MX.INT8, mi: MI.INT8, range: [-128, 127] },
  uint8: { mx: MX.UINT8, mi: MI.UINT8, range: [0, 255] },
  int16: { mx: MX.INT16, mi: MI.INT16, range: [-32768, 32767] },
  uint16: { mx: MX.UINT16, mi: MI.UINT16, range: [0, 65535] },
  int32: { mx: MX.INT32, mi: MI.INT32, range: [-(2 ** 31), 2 ** 31 - 1] },
  uint32: { mx: MX.UINT32, mi: MI.UINT32, range: [0, 2 ** 32 - 1] },
  int64: { mx: MX.INT64, mi: MI.INT64, range: [-(2 ** 63), 2 ** 63 - 1] },
  uint64: { mx: MX.UINT64, mi: MI.UINT64, range: [0, 2 ** 64 - 1] },
  logical: { mx: MX.UINT8, mi: MI.UINT8 },
  char: { mx: MX.CHAR, mi: MI.UINT16 },
};

const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

function invalid(message: string): LetterLabError {
  return new LetterLabError('mat.write-invalid', message);
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function u32Bytes(values: number[], little: boolean): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setUint32(i * 4, v, little));
  return out;
}

/** A data element: tag, payload and padding; the small form when allowed and it fits. */
export function encodeElement(
  type: number,
  payload: Uint8Array,
  little: boolean,
  small: boolean,
): Uint8Array {
  if (small && payload.length > 0 && payload.length <= SMALL_MAX_BYTES) {
    const out = new Uint8Array(TAG_BYTES);
    out.set(u32Bytes([(payload.length << 16) | type], little));
    out.set(payload, SMALL_TAG_BYTES);
    return out;
  }
  const out = new Uint8Array(TAG_BYTES + Math.ceil(payload.length / ALIGN) * ALIGN);
  out.set(u32Bytes([type, payload.length], little));
  out.set(payload, TAG_BYTES);
  return out;
}

function hostBytes(values: ArrayBufferView, little: boolean, size: number): Uint8Array {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  if (little !== HOST_LITTLE_ENDIAN) swapBytes(bytes, size);
  return bytes;
}

function checkValues(v: WriteVariable, data: ArrayLike<number>): void {
  const range = CLASSES[v.class].range;
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    if (typeof x !== 'number') throw invalid(`'${v.name}' value ${i} is not a number`);
    if (range !== undefined && !(Number.isInteger(x) && x >= range[0] && x <= range[1])) {
      throw invalid(
        `'${v.name}' value ${i} (${x}) does not fit ${v.class}: whole numbers ` +
          `${range[0]}..${range[1]}`,
      );
    }
  }
}

/** The real part's bytes in the requested byte order. */
function payloadOf(v: WriteVariable, opts: EncodeOptions): { type: number; bytes: Uint8Array } {
  const little = opts.littleEndian;
  if (typeof v.data === 'string') {
    // Text goes as miUTF8, as scipy writes it: scipy.io.loadmat reads UTF-16 (miUINT16) text as
    // UTF-8 by default, which garbles every character outside ASCII ("Ł" became "A").
    return { type: MI.UTF8, bytes: new TextEncoder().encode(v.data) };
  }
  const data = v.data;
  checkValues(v, data);
  const type = opts.storeAs ?? CLASSES[v.class].mi;
  const size = MI_SIZE[type];
  const values = v.class === 'logical' ? Array.from(data, (x) => (x ? 1 : 0)) : data;
  if (type === MI.INT64 || type === MI.UINT64) {
    const out =
      type === MI.INT64 ? new BigInt64Array(data.length) : new BigUint64Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = BigInt(Math.trunc(values[i]!));
    return { type, bytes: hostBytes(out, little, size) };
  }
  const out = new NUMBER_STORAGE[type](data.length);
  out.set(values);
  return { type, bytes: hostBytes(out, little, size) };
}

function checkVariable(v: WriteVariable): void {
  if (!NAME_PATTERN.test(v.name)) {
    throw invalid(
      `'${v.name}' is not a MATLAB variable name (a letter, then up to 62 letters, digits or _)`,
    );
  }
  if (!Object.prototype.hasOwnProperty.call(CLASSES, v.class)) {
    throw invalid(`'${v.name}' has class '${String(v.class)}', which the writer does not support`);
  }
  if (v.dims.length < 2 || v.dims.some((d) => !Number.isInteger(d) || d < 0 || d >= 2 ** 31)) {
    throw invalid(`'${v.name}' needs at least 2 non-negative integer dims, got [${v.dims}]`);
  }
  const count = v.dims.reduce((a, b) => a * b, 1);
  if ((v.class === 'char') !== (typeof v.data === 'string')) {
    throw invalid(`'${v.name}': char arrays take a string, other classes take numbers`);
  }
  if (v.data.length !== count) {
    throw invalid(
      `'${v.name}' has dims ${v.dims.join('x')} (${count} values) but ${v.data.length}`,
    );
  }
}

/** A complete miMATRIX element for one variable (not compressed). */
export function encodeMatrix(v: WriteVariable, opts: EncodeOptions): Uint8Array {
  checkVariable(v);
  const little = opts.littleEndian;
  const small = opts.smallElements;
  const flagBits = v.class === 'logical' ? FLAG_LOGICAL : 0;
  const flags = u32Bytes([CLASSES[v.class].mx | (flagBits << 8), 0], little);
  const dims = new Uint8Array(v.dims.length * 4);
  const dimsView = new DataView(dims.buffer);
  v.dims.forEach((d, i) => dimsView.setInt32(i * 4, d, little));
  const name = Uint8Array.from(v.name, (c) => c.charCodeAt(0));
  const real = payloadOf(v, opts);
  const body = concatBytes([
    encodeElement(MI.UINT32, flags, little, false),
    encodeElement(MI.INT32, dims, little, small),
    encodeElement(MI.INT8, name, little, small),
    encodeElement(real.type, real.bytes, little, small),
  ]);
  return encodeElement(MI.MATRIX, body, little, false);
}

/** Wraps an element in a miCOMPRESSED element (zlib stream, no padding after it). */
export function compressElement(element: Uint8Array, little: boolean): Uint8Array {
  const packed = deflateSync(element);
  return concatBytes([u32Bytes([MI.COMPRESSED, packed.length], little), packed]);
}
