// A deliberately tiny, independent level-5 MAT reader for the sample-set tests: enough to read
// numeric 2-D/3-D arrays, compressed or not, little-endian. Not for the app (see src-main/core/mat).

import { inflateSync } from 'node:zlib';

export interface PeekedVar {
  name: string;
  /** MATLAB class number from the array flags (6 = double, 9 = uint8, ...). */
  classId: number;
  dims: number[];
  data: number[];
}

export interface PeekedMat {
  headerText: string;
  vars: PeekedVar[];
}

const HEADER_BYTES = 128;
const TEXT_BYTES = 116;
const MI_MATRIX = 14;
const MI_COMPRESSED = 15;

type Reader = (view: DataView, at: number) => number;
const NUMERIC: Record<number, [number, Reader]> = {
  1: [1, (v, at) => v.getInt8(at)],
  2: [1, (v, at) => v.getUint8(at)],
  3: [2, (v, at) => v.getInt16(at, true)],
  4: [2, (v, at) => v.getUint16(at, true)],
  5: [4, (v, at) => v.getInt32(at, true)],
  6: [4, (v, at) => v.getUint32(at, true)],
  7: [4, (v, at) => v.getFloat32(at, true)],
  9: [8, (v, at) => v.getFloat64(at, true)],
};

interface Element {
  type: number;
  body: Uint8Array;
  /** Offset of the next element. */
  next: number;
}

function readElement(bytes: Uint8Array, at: number): Element {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = view.getUint32(at, true);
  if (first >>> 16 !== 0) {
    // Small data element: 2-byte size, 2-byte type, up to 4 bytes of data.
    const size = first >>> 16;
    return { type: first & 0xffff, body: bytes.subarray(at + 4, at + 4 + size), next: at + 8 };
  }
  const size = view.getUint32(at + 4, true);
  if (at + 8 + size > bytes.length) throw new Error(`element at ${at} runs past the end`);
  const padded = first === MI_COMPRESSED ? size : Math.ceil(size / 8) * 8;
  return { type: first, body: bytes.subarray(at + 8, at + 8 + size), next: at + 8 + padded };
}

function numbers(el: Element): number[] {
  const spec = NUMERIC[el.type];
  if (!spec) throw new Error(`unsupported data type ${el.type}`);
  const [width, read] = spec;
  const view = new DataView(el.body.buffer, el.body.byteOffset, el.body.byteLength);
  const out: number[] = [];
  for (let at = 0; at + width <= el.body.length; at += width) out.push(read(view, at));
  return out;
}

function readMatrix(body: Uint8Array): PeekedVar {
  const flags = readElement(body, 0);
  const dims = readElement(body, flags.next);
  const name = readElement(body, dims.next);
  const real = readElement(body, name.next);
  return {
    name: new TextDecoder().decode(name.body),
    classId: numbers(flags)[0] & 0xff,
    dims: numbers(dims),
    data: numbers(real),
  };
}

export function peekMat(bytes: Uint8Array): PeekedMat {
  if (bytes.length < HEADER_BYTES) throw new Error('shorter than a MAT header');
  const endian = String.fromCharCode(bytes[126], bytes[127]);
  if (endian !== 'IM') throw new Error(`expected little-endian "IM", found "${endian}"`);
  const headerText = new TextDecoder().decode(bytes.subarray(0, TEXT_BYTES)).trimEnd();
  const vars: PeekedVar[] = [];
  let at = HEADER_BYTES;
  while (at < bytes.length) {
    const el = readElement(bytes, at);
    const matrix = el.type === MI_COMPRESSED ? readElement(inflateSync(el.body), 0) : el;
    if (matrix.type === MI_MATRIX) vars.push(readMatrix(matrix.body));
    at = el.next;
  }
  return { headerText, vars };
}
