// Byte-level MAT-file pieces written straight from the MathWorks format document, independent
// of src-main/core/mat/encode.ts, so tests can make files the writer never makes.
import { deflateSync } from 'node:zlib';

/** Data types and classes, numbered as in the format document. */
export const T = {
  int8: 1,
  uint8: 2,
  int16: 3,
  uint16: 4,
  int32: 5,
  uint32: 6,
  single: 7,
  double: 9,
  int64: 12,
  uint64: 13,
  matrix: 14,
  compressed: 15,
  utf8: 16,
  utf16: 17,
} as const;

export const C = {
  cell: 1,
  struct: 2,
  char: 4,
  sparse: 5,
  double: 6,
  single: 7,
  int8: 8,
  uint8: 9,
  int16: 10,
  uint16: 11,
  int32: 12,
  uint32: 13,
  int64: 14,
  uint64: 15,
} as const;

export function cat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function words(values: number[], little: boolean, signed = false): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) =>
    signed ? view.setInt32(i * 4, v, little) : view.setUint32(i * 4, v >>> 0, little),
  );
  return out;
}

const WRITE: Record<number, [number, (v: DataView, at: number, x: number, le: boolean) => void]> = {
  [T.int8]: [1, (v, at, x) => v.setInt8(at, x)],
  [T.uint8]: [1, (v, at, x) => v.setUint8(at, x)],
  [T.int16]: [2, (v, at, x, le) => v.setInt16(at, x, le)],
  [T.uint16]: [2, (v, at, x, le) => v.setUint16(at, x, le)],
  [T.int32]: [4, (v, at, x, le) => v.setInt32(at, x, le)],
  [T.uint32]: [4, (v, at, x, le) => v.setUint32(at, x, le)],
  [T.single]: [4, (v, at, x, le) => v.setFloat32(at, x, le)],
  [T.double]: [8, (v, at, x, le) => v.setFloat64(at, x, le)],
  [T.int64]: [8, (v, at, x, le) => v.setBigInt64(at, BigInt(x), le)],
  [T.uint64]: [8, (v, at, x, le) => v.setBigUint64(at, BigInt(x), le)],
};

/** Values of data type `type` as bytes in the given order. */
export function values(type: number, xs: number[], little: boolean): Uint8Array {
  const [size, write] = WRITE[type];
  const out = new Uint8Array(xs.length * size);
  const view = new DataView(out.buffer);
  xs.forEach((x, i) => write(view, i * size, x, little));
  return out;
}

export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** A data element; `small` uses the 4-byte tag form (payload of 1..4 bytes). */
export function element(
  type: number,
  payload: Uint8Array,
  little: boolean,
  small = false,
): Uint8Array {
  if (small) {
    if (payload.length < 1 || payload.length > 4) throw new Error('small elements hold 1-4 bytes');
    const out = new Uint8Array(8);
    out.set(words([(payload.length << 16) | type], little));
    out.set(payload, 4);
    return out;
  }
  const out = new Uint8Array(8 + Math.ceil(payload.length / 8) * 8);
  out.set(words([type, payload.length], little));
  out.set(payload, 8);
  return out;
}

export interface MatrixSpec {
  cls: number;
  /** Flags byte: 0x08 complex, 0x04 global, 0x02 logical. */
  flags?: number;
  dims: number[];
  name: string;
  /** Elements after the name (real part, imaginary part, fields, cells...). */
  body: Uint8Array[];
  little: boolean;
  smallName?: boolean;
}

export function matrix(spec: MatrixSpec): Uint8Array {
  const { little } = spec;
  const content = cat(
    element(T.uint32, words([spec.cls | ((spec.flags ?? 0) << 8), 0], little), little),
    element(T.int32, words(spec.dims, little, true), little),
    element(T.int8, ascii(spec.name), little, spec.smallName ?? false),
    ...spec.body,
  );
  return element(T.matrix, content, little);
}

/** A numeric matrix whose real part is stored as `stored` (MATLAB may shrink doubles). */
export function numericMatrix(
  name: string,
  cls: number,
  dims: number[],
  xs: number[],
  little: boolean,
  stored: number,
  smallData = false,
): Uint8Array {
  const body = [element(stored, values(stored, xs, little), little, smallData)];
  return matrix({ cls, dims, name, body, little });
}

export interface HeaderSpec {
  text?: string;
  little?: boolean;
  version?: number;
  /** Override bytes 126-127. */
  mark?: string;
  subsys?: number;
}

export function header(spec: HeaderSpec = {}): Uint8Array {
  const little = spec.little ?? true;
  const out = new Uint8Array(128).fill(0x20, 0, 116);
  out.set(ascii(spec.text ?? 'MATLAB 5.0 MAT-file, test file').subarray(0, 116));
  const view = new DataView(out.buffer);
  if (spec.subsys !== undefined) view.setBigUint64(116, BigInt(spec.subsys), little);
  view.setUint16(124, spec.version ?? 0x0100, little);
  if (spec.mark !== undefined) out.set(ascii(spec.mark), 126);
  else out.set(ascii(little ? 'IM' : 'MI'), 126);
  return out;
}

/** A miCOMPRESSED element wrapping `inner` (a complete element). */
export function compressed(inner: Uint8Array, little: boolean): Uint8Array {
  const packed = deflateSync(inner);
  return cat(words([T.compressed, packed.length], little), packed);
}

/** A miCOMPRESSED element around an arbitrary zlib stream. */
export function compressedRaw(packed: Uint8Array, little: boolean, claimed?: number): Uint8Array {
  return cat(words([T.compressed, claimed ?? packed.length], little), packed);
}
