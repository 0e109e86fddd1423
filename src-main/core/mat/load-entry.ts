import { TAG_BYTES, isNumericMiType } from './constants';
import { classArray, decodeText, storageView, toClassArray } from './decode';
import type { AllocateFn } from './inflate';
import { inflateElement, inflateElementSync } from './inflate';
import { toRowMajor } from './layout';
import { Place } from './mat-errors';
import type { DataRef, MatrixInfo } from './matrix';
import { readMatrix } from './matrix';
import type { MatEntry } from './scan';
import type { ByteSource } from './source';
import { memorySource } from './source';
import type { MatData } from './types';

export interface Loaded {
  data?: MatData;
  text?: string;
}

export interface LoadOptions {
  rowMajor?: boolean;
  onAllocate?: AllocateFn;
  /** Called with bytes read so far while reading a large range from a file. */
  onBytes?: (done: number) => void;
}

/** True when `decode` would produce data or text for this matrix. */
export function decodable(info: MatrixInfo): boolean {
  const ref = info.real;
  if (ref === null) return false;
  if (info.className === 'char') return info.dims.length === 2 && (info.dims[0] ?? 0) <= 1;
  return !info.complex && classArray(info.className) !== undefined && isNumericMiType(ref.type);
}

/** Decodes the data a parsed matrix points at; `raw` returns the bytes of a data ref. */
function decode(
  info: MatrixInfo,
  raw: (ref: DataRef) => Uint8Array,
  little: boolean,
  owned: boolean,
  opts: LoadOptions,
): Loaded {
  const ref = info.real;
  if (ref === null || !decodable(info)) return {};
  if (info.className === 'char') return { text: decodeText(raw(ref), ref.type, little) };
  const ctor = classArray(info.className);
  if (ctor === undefined || !isNumericMiType(ref.type)) return {};
  const bytes = raw(ref);
  const stored = storageView(bytes, ref.type, little, owned);
  if (stored.buffer !== bytes.buffer) opts.onAllocate?.(bytes.length, 'copy');
  let data = toClassArray(stored, info.className);
  if (data !== stored) opts.onAllocate?.(data.length * ctor.BYTES_PER_ELEMENT, 'convert');
  if (opts.rowMajor) {
    data = toRowMajor(data, info.dims);
    opts.onAllocate?.(data.byteLength, 'row-major');
  }
  return { data };
}

function innerPlace(entry: MatEntry): Place {
  return new Place(entry.tag.at);
}

/** Loads one variable's data from an in-memory source. */
export function loadEntrySync(
  src: ByteSource,
  entry: MatEntry,
  little: boolean,
  opts: LoadOptions = {},
): Loaded {
  if (entry.innerTotal === null) {
    return decode(entry.info, (ref) => src.bytes(ref.at, ref.bytes), little, false, opts);
  }
  const { tag, innerTotal } = entry;
  const place = innerPlace(entry);
  const inner = inflateElementSync(src.bytes(tag.dataAt, tag.bytes), innerTotal, tag, place);
  opts.onAllocate?.(inner.length, 'inflate');
  const innerSrc = memorySource(inner);
  const info = readMatrix(innerSrc, TAG_BYTES, innerTotal, little, place, false);
  return decode(info, (ref) => innerSrc.bytes(ref.at, ref.bytes), little, true, opts);
}

/** Reads a range into memory the caller owns (or borrows it when the source is in memory). */
export async function readRange(
  src: ByteSource,
  at: number,
  bytes: number,
  opts: LoadOptions,
): Promise<Uint8Array> {
  if (src.borrowed) return src.bytes(at, bytes);
  opts.onAllocate?.(bytes, 'read');
  const out = new Uint8Array(bytes);
  await src.readInto(out, at, opts.onBytes);
  return out;
}

/** Loads one variable's data from any source, reading large file ranges asynchronously. */
export async function loadEntry(
  src: ByteSource,
  entry: MatEntry,
  little: boolean,
  opts: LoadOptions = {},
): Promise<Loaded> {
  if (entry.innerTotal === null) {
    const ref = entry.info.real;
    if (ref === null || src.borrowed || !decodable(entry.info)) {
      return loadEntrySync(src, entry, little, opts);
    }
    const raw = await readRange(src, ref.at, ref.bytes, opts);
    return decode(entry.info, () => raw, little, true, opts);
  }
  const { tag, innerTotal } = entry;
  const place = innerPlace(entry);
  const payload = await readRange(src, tag.dataAt, tag.bytes, opts);
  const inner = await inflateElement(payload, innerTotal, tag, place);
  opts.onAllocate?.(inner.length, 'inflate');
  const innerSrc = memorySource(inner);
  const info = readMatrix(innerSrc, TAG_BYTES, innerTotal, little, place, false);
  return decode(info, (ref) => innerSrc.bytes(ref.at, ref.bytes), little, true, opts);
}
