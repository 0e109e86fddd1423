import { gunzipBoundedSync, isGzip } from './inflate';
import type { Loaded } from './load-entry';
import { loadEntry, loadEntrySync } from './load-entry';
import { openMat } from './open';
import type { MatEntry, MatScan } from './scan';
import { scanMat } from './scan';
import { memorySource } from './source';
import type { MatFile, MatVariable, ReadMatFileOptions, ReadMatOptions } from './types';

function describe(entry: MatEntry): MatVariable {
  const { info, tag, innerTotal } = entry;
  const variable: MatVariable = {
    name: info.name,
    class: info.className,
    dims: info.dims,
    offset: tag.at,
    compressed: innerTotal !== null,
  };
  if (info.complex) variable.complex = true;
  return variable;
}

function wanted(entry: MatEntry, only: string[] | undefined): boolean {
  return only === undefined || only.includes(entry.info.name);
}

function matFile(scan: MatScan, byteLength: number, gzip: boolean, rowMajor: boolean): MatFile {
  return {
    format: 'MAT5',
    compressed: scan.compressed,
    endian: scan.header.littleEndian ? 'le' : 'be',
    gzip,
    order: rowMajor ? 'row-major' : 'column-major',
    byteLength,
    variables: [],
  };
}

function withData(variable: MatVariable, loaded: Loaded): MatVariable {
  if (loaded.data !== undefined) variable.data = loaded.data;
  if (loaded.text !== undefined) variable.text = loaded.text;
  return variable;
}

/**
 * Reads a level-5 MAT-file (versions 5 to 7, compressed or not, either byte order; a gzip
 * layer is removed first). Numeric and logical arrays come back as typed arrays of their
 * class, column-major unless `rowMajor`; other classes are listed without data. Data may share
 * memory with `bytes`. Throws LetterLabError ('mat.*') for anything it cannot read.
 */
export function readMat(bytes: Uint8Array, opts: ReadMatOptions = {}): MatFile {
  let data = bytes;
  const gzip = isGzip(bytes);
  if (gzip) {
    data = gunzipBoundedSync(bytes);
    opts.onAllocate?.(data.length, 'gunzip');
  }
  const src = memorySource(data);
  const scan = scanMat(src, opts.onAllocate);
  const little = scan.header.littleEndian;
  const file = matFile(scan, data.length, gzip, opts.rowMajor === true);
  for (const entry of scan.entries) {
    const variable = describe(entry);
    if (wanted(entry, opts.only)) withData(variable, loadEntrySync(src, entry, little, opts));
    file.variables.push(variable);
  }
  return file;
}

/** Reads a MAT-file (or .mat.gz) from disk; see readMat. Large ranges are read asynchronously. */
export async function readMatFile(path: string, opts: ReadMatFileOptions = {}): Promise<MatFile> {
  const opened = await openMat(path, opts.onProgress);
  try {
    const { src } = opened;
    const scan = scanMat(src, opts.onAllocate);
    const little = scan.header.littleEndian;
    const file = matFile(scan, src.size, opened.gzip, opts.rowMajor === true);
    const chosen = scan.entries.filter((e) => wanted(e, opts.only));
    const total = chosen.reduce((sum, e) => sum + e.tag.end - e.tag.at, 0) || 1;
    const base = opened.gzip ? 0.5 : 0;
    let done = 0;
    const report = (bytes: number) =>
      opts.onProgress?.(Math.min(1, base + ((1 - base) * (done + bytes)) / total), 'reading');
    for (const entry of scan.entries) {
      const variable = describe(entry);
      if (wanted(entry, opts.only)) {
        const loaded = await loadEntry(src, entry, little, { ...opts, onBytes: report });
        withData(variable, loaded);
        done += entry.tag.end - entry.tag.at;
        report(0);
      }
      file.variables.push(variable);
    }
    opts.onProgress?.(1, 'done');
    return file;
  } finally {
    await opened.close();
  }
}
