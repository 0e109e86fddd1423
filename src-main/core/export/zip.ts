// A small ZIP writer (PKWARE APPNOTE 6.3, no ZIP64): local file headers, the data
// (stored or raw-deflated with node:zlib), the central directory and the end record.
// Enough for NumPy's .npz files; no encryption, no data descriptors.

import { deflateRawSync } from 'node:zlib';
import { LetterLabError } from '../errors';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

export interface ZipOptions {
  /** Deflate each entry (like np.savez_compressed) instead of storing it (like np.savez). */
  compress?: boolean;
  /** Modification time written into every entry; defaults to 1980-01-01 so output is reproducible. */
  date?: Date;
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const END_OF_CENTRAL_DIR_SIGNATURE = 0x06054b50;
const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
const END_RECORD_BYTES = 22;
/** 2.0: needed for deflate (and what Python's zipfile writes). */
const VERSION_NEEDED = 20;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
/** General-purpose flag bit 11: the name is UTF-8. */
const FLAG_UTF8 = 0x0800;
/** Without ZIP64, sizes and offsets are uint32 and the entry count is uint16. */
const MAX_UINT32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;
const DOS_EPOCH_YEAR = 1980;

const CRC_TABLE = makeCrcTable();

function makeCrcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 (ISO-HDLC, reflected polynomial 0xEDB88320), as ZIP and gzip use. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  // i < bytes.length, and the table has an entry for every byte value.
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time fields (local time, 2-second resolution). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(date.getFullYear(), DOS_EPOCH_YEAR);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - DOS_EPOCH_YEAR) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

interface PreparedEntry {
  name: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  size: number;
  body: Uint8Array;
  offset: number;
}

function tooLarge(what: string): LetterLabError {
  return new LetterLabError(
    'export.too-large',
    `Cannot write the zip archive: ${what} is beyond the 4 GiB / 65,535-entry limits of a plain zip file.`,
  );
}

/** Builds a complete zip archive in memory. Entry names must be unique. */
export function zipArchive(entries: ZipEntry[], options: ZipOptions = {}): Uint8Array {
  if (entries.length > MAX_ENTRIES) throw tooLarge(`${entries.length} entries`);
  const seen = new Set<string>();
  const stamp = dosDateTime(options.date ?? new Date(DOS_EPOCH_YEAR, 0, 1));
  const encoder = new TextEncoder();
  const prepared: PreparedEntry[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (entry.name.length === 0 || seen.has(entry.name)) {
      throw new LetterLabError(
        'export.bad-array',
        `Cannot write the zip archive: the entry name "${entry.name}" is empty or used twice.`,
      );
    }
    seen.add(entry.name);
    const name = encoder.encode(entry.name);
    const body = options.compress ? new Uint8Array(deflateRawSync(entry.data)) : entry.data;
    if (entry.data.length > MAX_UINT32 || body.length > MAX_UINT32) throw tooLarge(entry.name);
    prepared.push({
      name,
      flags: /^[\x20-\x7e]*$/.test(entry.name) ? 0 : FLAG_UTF8,
      method: options.compress ? METHOD_DEFLATED : METHOD_STORED,
      crc: crc32(entry.data),
      size: entry.data.length,
      body,
      offset,
    });
    offset += LOCAL_HEADER_BYTES + name.length + body.length;
  }
  const centralOffset = offset;
  const centralSize = prepared.reduce((n, e) => n + CENTRAL_HEADER_BYTES + e.name.length, 0);
  if (centralOffset + centralSize > MAX_UINT32) throw tooLarge('the archive');

  const out = new Uint8Array(centralOffset + centralSize + END_RECORD_BYTES);
  const view = new DataView(out.buffer);
  for (const e of prepared) {
    let p = e.offset;
    view.setUint32(p, LOCAL_HEADER_SIGNATURE, true);
    view.setUint16(p + 4, VERSION_NEEDED, true);
    view.setUint16(p + 6, e.flags, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, stamp.time, true);
    view.setUint16(p + 12, stamp.date, true);
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.body.length, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, e.name.length, true);
    view.setUint16(p + 28, 0, true); // no extra field
    p += LOCAL_HEADER_BYTES;
    out.set(e.name, p);
    out.set(e.body, p + e.name.length);
  }
  let p = centralOffset;
  for (const e of prepared) {
    view.setUint32(p, CENTRAL_HEADER_SIGNATURE, true);
    view.setUint16(p + 4, VERSION_NEEDED, true); // made by: MS-DOS, 2.0
    view.setUint16(p + 6, VERSION_NEEDED, true);
    view.setUint16(p + 8, e.flags, true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, stamp.time, true);
    view.setUint16(p + 14, stamp.date, true);
    view.setUint32(p + 16, e.crc, true);
    view.setUint32(p + 20, e.body.length, true);
    view.setUint32(p + 24, e.size, true);
    view.setUint16(p + 28, e.name.length, true);
    // extra length, comment length, disk number, internal and external attributes: all 0
    view.setUint32(p + 42, e.offset, true);
    out.set(e.name, p + CENTRAL_HEADER_BYTES);
    p += CENTRAL_HEADER_BYTES + e.name.length;
  }
  view.setUint32(p, END_OF_CENTRAL_DIR_SIGNATURE, true);
  // disk numbers at p+4 and p+6 stay 0
  view.setUint16(p + 8, prepared.length, true);
  view.setUint16(p + 10, prepared.length, true);
  view.setUint32(p + 12, centralSize, true);
  view.setUint32(p + 16, centralOffset, true);
  // comment length at p+20 stays 0
  return out;
}
