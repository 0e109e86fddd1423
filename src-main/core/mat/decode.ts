import { HOST_LITTLE_ENDIAN, MI, MI_SIZE } from './constants';
import type { NumericMiType } from './constants';
import type { MatClass, MatData } from './types';

type TypedCtor = {
  new (length: number): MatData;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): MatData;
  readonly BYTES_PER_ELEMENT: number;
};

/** Typed arrays of the numeric data types whose values are plain numbers (not 64-bit ints). */
export const NUMBER_STORAGE = {
  [MI.INT8]: Int8Array,
  [MI.UINT8]: Uint8Array,
  [MI.INT16]: Int16Array,
  [MI.UINT16]: Uint16Array,
  [MI.INT32]: Int32Array,
  [MI.UINT32]: Uint32Array,
  [MI.SINGLE]: Float32Array,
  [MI.DOUBLE]: Float64Array,
};

const STORAGE: Record<NumericMiType, TypedCtor> = {
  ...NUMBER_STORAGE,
  [MI.INT64]: BigInt64Array,
  [MI.UINT64]: BigUint64Array,
};

const CLASS_ARRAY: Partial<Record<MatClass, TypedCtor>> = {
  double: Float64Array,
  single: Float32Array,
  int8: Int8Array,
  uint8: Uint8Array,
  logical: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
};

export function classArray(className: MatClass): TypedCtor | undefined {
  return CLASS_ARRAY[className];
}

/** A fresh, aligned copy (Buffer#slice would share memory instead). */
export function copyBytes(raw: Uint8Array): Uint8Array {
  const out = new Uint8Array(raw.length);
  out.set(raw);
  return out;
}

/** Reverses the byte order of each `size`-byte value in place. */
export function swapBytes(bytes: Uint8Array, size: number): void {
  if (size === 1) return;
  for (let i = 0; i + size <= bytes.length; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) {
      // a < b < bytes.length: both are in range.
      const t = bytes[a]!;
      bytes[a] = bytes[b]!;
      bytes[b] = t;
    }
  }
}

/**
 * The values of raw data of type `type` as a typed array in host byte order. Shares memory with
 * `raw` when it is aligned and in host order; otherwise works on a copy, or in place when
 * `mayMutate` says the caller owns `raw`.
 */
export function storageView(
  raw: Uint8Array,
  type: NumericMiType,
  little: boolean,
  mayMutate: boolean,
): MatData {
  const size = MI_SIZE[type];
  const ctor = STORAGE[type];
  const swap = size > 1 && little !== HOST_LITTLE_ENDIAN;
  let bytes = raw;
  if ((swap && !mayMutate) || raw.byteOffset % size !== 0) bytes = copyBytes(raw);
  if (swap) swapBytes(bytes, size);
  return new ctor(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / size));
}

function isBig(array: MatData): array is BigInt64Array | BigUint64Array {
  return array instanceof BigInt64Array || array instanceof BigUint64Array;
}

/** Converts stored values to the array type of their MATLAB class (e.g. miUINT8 -> double). */
export function toClassArray(values: MatData, className: MatClass): MatData {
  const ctor = CLASS_ARRAY[className];
  if (ctor === undefined || values instanceof ctor) return values;
  const out = new ctor(values.length);
  if (isBig(out) === isBig(values)) {
    (out as Float64Array).set(values as Float64Array);
  } else if (isBig(out)) {
    for (let i = 0; i < values.length; i++) {
      const v = Number(values[i]);
      out[i] = Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
    }
  } else {
    for (let i = 0; i < values.length; i++) (out as Float64Array)[i] = Number(values[i]);
  }
  return out;
}

/** Text of char data in any of the encodings MATLAB and scipy use. */
export function decodeText(raw: Uint8Array, type: number, little: boolean): string {
  if (type === MI.UTF8 || type === MI.UINT8 || type === MI.INT8) {
    return new TextDecoder('utf-8').decode(raw);
  }
  const size = type === MI.UTF32 ? 4 : 2;
  const view = new DataView(raw.buffer, raw.byteOffset, raw.length);
  let out = '';
  for (let i = 0; i + size <= raw.length; i += size) {
    if (size === 2) out += String.fromCharCode(view.getUint16(i, little));
    else {
      const cp = view.getUint32(i, little);
      out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    }
  }
  return out;
}
