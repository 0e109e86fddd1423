// An independent .npz reader for the tests: parses the zip end record, central directory
// and local headers and the .npy header by hand (sharing no code with the writer), checks
// every CRC with node:zlib's crc32, and inflates deflated entries with node:zlib.

import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';

export interface ReadEntry {
  name: string;
  method: number;
  flags: number;
  data: Uint8Array;
}

export interface ReadArray {
  descr: string;
  fortranOrder: boolean;
  shape: number[];
  /** The raw little-endian element bytes. */
  bytes: Uint8Array;
  headerLength: number;
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`read-npz: ${message}`);
}

export function readZip(zip: Uint8Array): ReadEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record is 22 bytes plus a comment; search backwards for its signature.
  let end = -1;
  for (let p = zip.length - 22; p >= 0 && p >= zip.length - 22 - 0xffff; p--) {
    if (view.getUint32(p, true) === 0x06054b50) {
      end = p;
      break;
    }
  }
  check(end >= 0, 'no end-of-central-directory record');
  check(view.getUint16(end + 20, true) === zip.length - end - 22, 'comment length');
  const count = view.getUint16(end + 10, true);
  check(view.getUint16(end + 8, true) === count, 'entry counts differ');
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  check(cdOffset + cdSize === end, 'central directory must end where the end record starts');

  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: ReadEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    check(view.getUint32(p, true) === 0x02014b50, `central header ${i} signature`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(zip.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;

    check(view.getUint32(localOffset, true) === 0x04034b50, `local header signature of ${name}`);
    check(view.getUint16(localOffset + 8, true) === method, `local method of ${name}`);
    check(view.getUint32(localOffset + 14, true) === crc, `local crc of ${name}`);
    check(view.getUint32(localOffset + 18, true) === compressedSize, `local size of ${name}`);
    check(view.getUint32(localOffset + 22, true) === size, `local uncompressed size of ${name}`);
    const localNameLength = view.getUint16(localOffset + 26, true);
    const localExtraLength = view.getUint16(localOffset + 28, true);
    const localName = decoder.decode(
      zip.subarray(localOffset + 30, localOffset + 30 + localNameLength),
    );
    check(localName === name, `local name ${localName} vs ${name}`);
    const start = localOffset + 30 + localNameLength + localExtraLength;
    const raw = zip.subarray(start, start + compressedSize);
    check(method === 0 || method === 8, `method ${method} of ${name}`);
    const data = method === 8 ? new Uint8Array(inflateRawSync(raw)) : raw;
    check(data.length === size, `size of ${name}`);
    check(zlibCrc32(data) === crc, `CRC-32 of ${name}`);
    entries.push({ name, method, flags, data });
  }
  check(p === end, 'central directory size');
  return entries;
}

export function readNpy(file: Uint8Array): ReadArray {
  const magic = [0x93, ...'NUMPY'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0)));
  check(
    magic.every((b, i) => file[i] === b),
    'magic string',
  );
  check(file[6] === 1 && file[7] === 0, `version ${file[6]}.${file[7]}`);
  const headerLength = file[8] | (file[9] << 8);
  check((10 + headerLength) % 64 === 0, 'data must start at a multiple of 64');
  const header = String.fromCharCode(...file.subarray(10, 10 + headerLength));
  check(header.endsWith('\n'), 'header must end with a newline');
  const m =
    /^\{'descr': '([<>|][a-z]\d+)', 'fortran_order': (True|False), 'shape': \(([\d, ]*)\), \} *\n$/.exec(
      header,
    );
  check(m !== null, `header ${JSON.stringify(header)}`);
  const shape = m[3]
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  return {
    descr: m[1],
    fortranOrder: m[2] === 'True',
    shape,
    bytes: file.subarray(10 + headerLength),
    headerLength,
  };
}

/** The 32-bit patterns of little-endian 4-byte elements (for bit-exact float comparisons). */
export function words(bytes: Uint8Array): number[] {
  check(bytes.length % 4 === 0, 'byte count is not a multiple of 4');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.length / 4 }, (_, i) => view.getUint32(i * 4, true));
}

/** The 32-bit patterns of a typed array's elements, read in host order. */
export function patterns(data: Float32Array | Int32Array): number[] {
  return Array.from(new Uint32Array(data.buffer, data.byteOffset, data.length));
}
