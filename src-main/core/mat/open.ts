import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { LetterLabError } from '../errors';
import { GZIP_MAGIC, MAX_MAT_BYTES } from './constants';
import { gunzipFileBounded, isGzip } from './inflate';
import type { ByteSource } from './source';
import { chunkedSource, fileSource } from './source';
import type { ProgressFn } from './types';

/** A MAT-file opened for reading: on disk, or in memory after removing a gzip layer. */
export interface OpenedMat {
  src: ByteSource;
  path: string;
  /** Size of the file on disk. */
  fileBytes: number;
  gzip: boolean;
  close(): Promise<void>;
}

function openError(err: unknown, path: string): LetterLabError {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  if (code === 'ENOENT') {
    return new LetterLabError(
      'file.not-found',
      `There is no file at ${path}. Check the path, or choose the file again.`,
    );
  }
  const reason = err instanceof Error ? err.message : String(err);
  return new LetterLabError(
    'file.unreadable',
    `Letter Lab cannot read ${path} (${reason}). Check that the file exists and that you may read it.`,
  );
}

/**
 * Opens `path`; a gzip file (magic 1f 8b) is decompressed as a stream into memory, within the
 * deflate bound, kept as zlib's pieces (one copy of the expanded file, never two).
 */
export async function openMat(path: string, onProgress?: ProgressFn): Promise<OpenedMat> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw openError(err, path);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      throw new LetterLabError(
        'file.unreadable',
        `${path} is not a file (is it a folder?). Choose a .mat or .mat.gz file.`,
      );
    }
    if (stat.size > MAX_MAT_BYTES) {
      throw new LetterLabError(
        'file.too-large',
        `${basename(path)} is ${stat.size} bytes; Letter Lab reads MAT-files of at most ` +
          `${MAX_MAT_BYTES} bytes. Use a smaller data set.`,
      );
    }
    const src = fileSource(handle, stat.size, path);
    const head = src.bytes(0, Math.min(stat.size, GZIP_MAGIC.length));
    if (!isGzip(head)) {
      return { src, path, fileBytes: stat.size, gzip: false, close: () => handle.close() };
    }
    await handle.close();
    onProgress?.(0, 'decompressing');
    const pieces = await gunzipFileBounded(path, stat.size, (done) =>
      onProgress?.((0.5 * Math.min(done, stat.size)) / stat.size, 'decompressing'),
    );
    return {
      src: chunkedSource(pieces),
      path,
      fileBytes: stat.size,
      gzip: true,
      close: async () => undefined,
    };
  } catch (err) {
    await handle.close().catch(() => undefined);
    if (err instanceof LetterLabError) throw err;
    throw openError(err, path);
  }
}
