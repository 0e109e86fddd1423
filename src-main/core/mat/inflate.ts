import { promisify } from 'node:util';
import { createReadStream } from 'node:fs';
import { constants, createGunzip, gunzip, gunzipSync, inflate, inflateSync } from 'node:zlib';
import type { ZlibOptions } from 'node:zlib';
import { LetterLabError } from '../errors';
import {
  ALIGN,
  DEFLATE_MAX_RATIO,
  DEFLATE_SLACK_BYTES,
  MAX_MAT_BYTES,
  PROBE_INPUT_BYTES,
  TAG_BYTES,
  miName,
} from './constants';
import type { Place } from './mat-errors';
import { corruptError, cutShortError, tooLargeError } from './mat-errors';
import type { ByteSource } from './source';
import type { Tag } from './tag';
import { u32 } from './tag';

export type AllocateFn = (bytes: number, what: string) => void;

const inflateAsync = promisify(inflate);
const gunzipAsync = promisify(gunzip);

/** The most bytes `compressed` bytes of deflate data can expand to, capped by MAX_MAT_BYTES. */
export function inflateBound(compressed: number): number {
  return Math.min(MAX_MAT_BYTES, compressed * DEFLATE_MAX_RATIO + DEFLATE_SLACK_BYTES);
}

function zlibCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
}

/** Turns a zlib failure into a specific error; `declared` is the size the data claimed. */
function zlibError(err: unknown, what: string, declared: number): LetterLabError {
  const code = zlibCode(err);
  if (code === 'Z_BUF_ERROR') return cutShortError(what);
  if (code === 'ERR_BUFFER_TOO_LARGE') {
    return corruptError(what, `it decompresses to more than the ${declared} bytes it declares`);
  }
  const message = err instanceof Error ? err.message : String(err);
  return corruptError(what, `zlib cannot decompress it (${message})`);
}

export interface Probe {
  /** Bytes of the inner element, tag included. */
  innerTotal: number;
  innerType: number;
  /** The first inflated bytes (at least the inner tag). */
  head: Uint8Array;
}

/** Inflates just the start of a compressed element to read its inner tag and array header. */
export function probeCompressed(
  src: ByteSource,
  tag: Tag,
  little: boolean,
  place: Place,
  onAllocate?: AllocateFn,
): Probe {
  const what = place.describe(tag.at);
  const input = src.bytes(tag.dataAt, Math.min(tag.bytes, PROBE_INPUT_BYTES));
  const options: ZlibOptions = {
    finishFlush: constants.Z_SYNC_FLUSH,
    maxOutputLength: inflateBound(input.length),
  };
  let head: Uint8Array;
  try {
    head = inflateSync(input, options);
  } catch (err) {
    throw zlibError(err, what, inflateBound(input.length));
  }
  onAllocate?.(head.length, 'inflate-probe');
  if (head.length < TAG_BYTES) {
    if (input.length === tag.bytes) {
      throw corruptError(
        what,
        `its compressed data holds only ${head.length} bytes, not an element`,
      );
    }
    // An unusual stream that yields nothing early: inflate it all, within the deflate bound.
    head = inflateElementSync(
      src.bytes(tag.dataAt, tag.bytes),
      inflateBound(tag.bytes),
      tag,
      place,
    );
    onAllocate?.(head.length, 'inflate');
    if (head.length < TAG_BYTES) {
      throw corruptError(
        what,
        `its compressed data holds only ${head.length} bytes, not an element`,
      );
    }
  }
  const first = u32(head, 0, little);
  if (first >>> 16 !== 0) {
    throw corruptError(what, `its compressed data starts with a small element, not an array`);
  }
  const innerTotal = TAG_BYTES + u32(head, 4, little);
  const bound = inflateBound(tag.bytes);
  if (innerTotal > bound) {
    throw tooLargeError(
      `the ${miName(first)} inside ${what}`,
      innerTotal,
      `${tag.bytes} compressed bytes can expand to at most ${bound} bytes`,
    );
  }
  return { innerTotal, innerType: first, head };
}

function checkLength(out: Uint8Array, innerTotal: number, tag: Tag, place: Place): Uint8Array {
  if (out.length < innerTotal) {
    throw corruptError(
      place.describe(tag.at),
      `its compressed data declares ${innerTotal} bytes but decompresses to ${out.length}`,
    );
  }
  return out.subarray(0, innerTotal);
}

function fullOptions(innerTotal: number): ZlibOptions {
  // The inner element may carry up to 8 bytes of padding after what its tag declares.
  return { maxOutputLength: innerTotal + ALIGN };
}

/** Inflates a whole compressed element, refusing to produce more than `innerTotal` bytes. */
export function inflateElementSync(
  payload: Uint8Array,
  innerTotal: number,
  tag: Tag,
  place: Place,
): Uint8Array {
  let out: Uint8Array;
  try {
    out = inflateSync(payload, fullOptions(innerTotal));
  } catch (err) {
    throw zlibError(err, place.describe(tag.at), innerTotal);
  }
  return checkLength(out, innerTotal, tag, place);
}

export async function inflateElement(
  payload: Uint8Array,
  innerTotal: number,
  tag: Tag,
  place: Place,
): Promise<Uint8Array> {
  let out: Uint8Array;
  try {
    out = await inflateAsync(payload, fullOptions(innerTotal));
  } catch (err) {
    throw zlibError(err, place.describe(tag.at), innerTotal);
  }
  return checkLength(out, innerTotal, tag, place);
}

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

function gunzipError(err: unknown, size: number, limit: number): LetterLabError {
  const code = zlibCode(err);
  if (code === 'Z_BUF_ERROR') {
    return cutShortError(`the gzip data (${size} bytes)`);
  }
  if (code === 'ERR_BUFFER_TOO_LARGE') {
    return new LetterLabError(
      'file.too-large',
      `The gzip file expands to more than ${limit} bytes, more than Letter Lab reads ` +
        `(at most ${MAX_MAT_BYTES} bytes). Use a smaller data set.`,
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  return corruptError('the gzip data (.mat.gz)', `gunzip failed (${message})`);
}

/** Removes a gzip layer, never producing more than the deflate bound allows. */
export function gunzipBoundedSync(bytes: Uint8Array): Uint8Array {
  const limit = inflateBound(bytes.length);
  try {
    return gunzipSync(bytes, { maxOutputLength: limit });
  } catch (err) {
    throw gunzipError(err, bytes.length, limit);
  }
}

/**
 * Removes the gzip layer of the file `path` (`size` bytes) as a stream: the output is kept as the
 * pieces zlib makes, never joined, and the stream is stopped as soon as it passes the deflate
 * bound, so a small "zip bomb" costs no more memory than the bound allows.
 */
export async function gunzipFileBounded(
  path: string,
  size: number,
  onProgress?: (read: number) => void,
): Promise<Uint8Array[]> {
  const limit = inflateBound(size);
  const pieces: Uint8Array[] = [];
  let produced = 0;
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  let read = 0;
  input.on('data', (chunk) => {
    read += chunk.length;
    onProgress?.(read);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (err: Error) => {
        input.destroy();
        gunzip.destroy();
        reject(err);
      };
      input.on('error', fail);
      gunzip.on('error', fail);
      gunzip.on('data', (piece: Buffer) => {
        produced += piece.length;
        if (produced > limit) {
          const err = Object.assign(new Error('too large'), { code: 'ERR_BUFFER_TOO_LARGE' });
          fail(err);
          return;
        }
        pieces.push(piece);
      });
      gunzip.on('end', resolve);
      input.pipe(gunzip);
    });
  } catch (err) {
    pieces.length = 0;
    if (err instanceof LetterLabError) throw err;
    const code = zlibCode(err);
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw err;
    throw gunzipError(err, size, limit);
  }
  return pieces;
}

export async function gunzipBounded(bytes: Uint8Array): Promise<Uint8Array> {
  const limit = inflateBound(bytes.length);
  try {
    return await gunzipAsync(bytes, { maxOutputLength: limit });
  } catch (err) {
    throw gunzipError(err, bytes.length, limit);
  }
}
