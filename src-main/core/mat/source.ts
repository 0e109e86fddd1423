import { readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { LetterLabError } from '../errors';
import { CHUNK_BYTES } from './constants';

/** Called with each piece of a streamed range, in order; `at` is the piece's absolute offset. */
export type PieceFn = (piece: Uint8Array, at: number) => void;

/**
 * Called when a file read for [at, at + length) starts; the piece is delivered only after the
 * returned promise settles, so the caller can get memory ready on the I/O threads meanwhile.
 */
export type PrepareFn = (at: number, length: number) => Promise<void>;

/** Random access to the bytes of a MAT-file, in memory or on disk. */
export interface ByteSource {
  readonly size: number;
  /** Small synchronous read of a range the caller has bounds-checked. */
  bytes(offset: number, length: number): Uint8Array;
  /**
   * Delivers a range in pieces of at most CHUNK_BYTES. File pieces live in reused buffers:
   * use them before returning. `onDone` gets the count of bytes delivered so far.
   */
  stream(
    offset: number,
    length: number,
    onPiece: PieceFn,
    onDone?: (done: number) => void,
    prepare?: PrepareFn,
  ): Promise<void>;
  /** Reads [offset, offset + target.length) straight into `target`, in CHUNK_BYTES pieces. */
  readInto(target: Uint8Array, offset: number, onDone?: (done: number) => void): Promise<void>;
  /** True when pieces are views of memory the reader does not own. */
  readonly borrowed: boolean;
}

export function memorySource(data: Uint8Array): ByteSource {
  return {
    size: data.length,
    borrowed: true,
    bytes: (offset, length) => data.subarray(offset, offset + length),
    async stream(offset, length, onPiece, onDone) {
      for (let done = 0; done < length;) {
        const n = Math.min(CHUNK_BYTES, length - done);
        onPiece(data.subarray(offset + done, offset + done + n), offset + done);
        done += n;
        onDone?.(done);
      }
    },
    async readInto(target, offset, onDone) {
      target.set(data.subarray(offset, offset + target.length));
      onDone?.(target.length);
    },
  };
}

/**
 * A source over bytes held as a list of pieces (what a streaming gunzip produced), never joined:
 * joining would need a second full copy of the expanded file. Reads inside one piece are views;
 * the rare read across two pieces is copied.
 */
export function chunkedSource(pieces: Uint8Array[]): ByteSource {
  const starts: number[] = [];
  let size = 0;
  for (const piece of pieces) {
    starts.push(size);
    size += piece.length;
  }
  // Indexes below are in range: find() gives 0..pieces.length - 1 (of a non-empty list), the loops
  // stop at pieces.length, and starts has one entry per piece.
  /** Index of the piece holding byte `offset`. */
  const find = (offset: number): number => {
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const copy = (target: Uint8Array, offset: number) => {
    let done = 0;
    for (let i = find(offset); done < target.length && i < pieces.length; i++) {
      const from = offset + done - starts[i]!;
      const part = pieces[i]!.subarray(from, from + target.length - done);
      target.set(part, done);
      done += part.length;
    }
  };
  return {
    size,
    borrowed: true,
    bytes(offset, length) {
      const i = find(offset);
      const from = offset - starts[i]!;
      const piece = pieces[i]!;
      if (from + length <= piece.length) return piece.subarray(from, from + length);
      const out = new Uint8Array(length);
      copy(out, offset);
      return out;
    },
    async stream(offset, length, onPiece, onDone) {
      let done = 0;
      for (let i = find(offset); done < length && i < pieces.length; i++) {
        const from = offset + done - starts[i]!;
        const piece = pieces[i]!;
        for (let at = from; at < piece.length && done < length;) {
          const n = Math.min(CHUNK_BYTES, piece.length - at, length - done);
          onPiece(piece.subarray(at, at + n), offset + done);
          at += n;
          done += n;
          onDone?.(done);
        }
      }
    },
    async readInto(target, offset, onDone) {
      copy(target, offset);
      onDone?.(target.length);
    },
  };
}

function shortRead(path: string, at: number, size: number): LetterLabError {
  return new LetterLabError(
    'mat.truncated',
    `${path} ended at byte ${at} while reading, although it was ${size} bytes long when opened. ` +
      'Was it changed while Letter Lab read it? Wait until it is fully written, then open it again.',
    { offset: at },
  );
}

/** A source reading from an open file: small reads are synchronous, streams are double-buffered. */
export function fileSource(handle: FileHandle, size: number, path: string): ByteSource {
  return {
    size,
    borrowed: false,
    bytes(offset, length) {
      const out = new Uint8Array(length);
      for (let got = 0; got < length;) {
        const n = readSync(handle.fd, out, got, length - got, offset + got);
        if (n === 0) throw shortRead(path, offset + got, size);
        got += n;
      }
      return out;
    },
    async stream(offset, length, onPiece, onDone, prepare) {
      if (length === 0) return;
      const buffers: [Uint8Array, Uint8Array] = [
        new Uint8Array(Math.min(CHUNK_BYTES, length)),
        new Uint8Array(length > CHUNK_BYTES ? CHUNK_BYTES : 0),
      ];
      const readInto = async (which: 0 | 1, done: number) => {
        const n = Math.min(CHUNK_BYTES, length - done);
        const read = handle.read(buffers[which], 0, n, offset + done);
        if (prepare === undefined) return read;
        const [result] = await Promise.all([read, prepare(offset + done, n)]);
        return result;
      };
      let which: 0 | 1 = 0;
      let pending = readInto(0, 0);
      for (let done = 0; done < length;) {
        const { bytesRead } = await pending;
        if (bytesRead === 0) throw shortRead(path, offset + done, size);
        const piece = buffers[which].subarray(0, bytesRead);
        const next = done + bytesRead;
        which = which === 0 ? 1 : 0;
        // Start the next read before using this piece, so the disk and the CPU overlap.
        if (next < length) pending = readInto(which, next);
        try {
          onPiece(piece, offset + done);
        } catch (err) {
          if (next < length) await pending.catch(() => undefined);
          throw err;
        }
        done = next;
        onDone?.(done);
      }
    },
    async readInto(target, offset, onDone) {
      for (let done = 0; done < target.length;) {
        const n = Math.min(CHUNK_BYTES, target.length - done);
        const { bytesRead } = await handle.read(target, done, n, offset + done);
        if (bytesRead === 0) throw shortRead(path, offset + done, size);
        done += bytesRead;
        onDone?.(done);
      }
    },
  };
}
