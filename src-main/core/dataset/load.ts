import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { basename } from 'node:path';
import { LetterLabError } from '../errors';
import { CHUNK_BYTES, MI_SIZE, isNumericMiType } from '../mat/constants';
import { ValueFeeder } from '../mat/feed';
import { loadEntry } from '../mat/load-entry';
import type { DataRef } from '../mat/matrix';
import { openMat } from '../mat/open';
import type { MatEntry } from '../mat/scan';
import { scanMat } from '../mat/scan';
import type { ByteSource, PrepareFn } from '../mat/source';
import type { MatData } from '../mat/types';
import type { ImageLayout } from './images';
import { PixelConverter, imageLayout } from './images';
import { imageSet } from './from-mat';
import { checkLabels } from './labels';
import { splitDataset } from './split';
import type {
  DatasetInfo,
  ImageSet,
  LoadDatasetOptions,
  LoadImageSetOptions,
  SplitImageSet,
  VariableSummary,
} from './types';
import { IMAGES, LABELS, checkNumeric, findVariable } from './variables';

export interface LoadedImageSet {
  set: ImageSet;
  info: Omit<DatasetInfo, 'loadMs'>;
}

function noData(name: string): LetterLabError {
  return new LetterLabError(
    'dataset.bad-images',
    `'${name}' holds no numbers Letter Lab can read. Save it as a real numeric array.`,
    { variable: name },
  );
}

type Entry = VariableSummary & { entry: MatEntry; complex: boolean };

function entries(list: MatEntry[]): Entry[] {
  return list.map((entry) => ({
    name: entry.info.name,
    class: entry.info.className,
    dims: entry.info.dims,
    complex: entry.info.complex,
    entry,
  }));
}

/**
 * Makes the OS map the output pages a file piece will write before the piece is converted, on
 * the I/O threads, by reading file bytes into them (the conversion overwrites them right
 * after). This takes the page faults of a fresh 58 MB Float32Array off the main thread (about
 * a fifth of the load time). Only for H x W x N data: its pieces write whole images in order,
 * and each region starts after the last image the previous piece writes, so no region is ever
 * one that the conversion has written or is writing.
 */
function prefaulter(
  src: ByteSource,
  ref: DataRef,
  layout: ImageLayout,
  out: Float32Array,
): PrepareFn | undefined {
  if (src.borrowed || layout.order !== 'HxWxN' || layout.rowMajor) return undefined;
  if (!isNumericMiType(ref.type)) return undefined;
  const size = MI_SIZE[ref.type];
  const plane = layout.height * layout.width;
  const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  // Images before this one are (partly) written by pieces ending at or before file offset `at`.
  const firstFree = (at: number) =>
    Math.ceil(Math.floor(Math.min(Math.max(at - ref.at, 0), ref.bytes) / size) / plane);
  const block = Math.min(CHUNK_BYTES, src.size);
  return async (at, length) => {
    const to = firstFree(at + length) * plane * 4;
    for (let x = firstFree(at) * plane * 4; x < to; x += block) {
      await src.readInto(bytes.subarray(x, Math.min(to, x + block)), 0);
    }
  };
}

/**
 * Streams the stored pixels of an uncompressed variable straight from the file into the
 * converter, optionally hashing every byte of the file on the way (one pass, no 112 MiB copy).
 */
async function streamPixels(
  src: ByteSource,
  ref: DataRef,
  name: string,
  little: boolean,
  converter: PixelConverter,
  hash: Hash | null,
  progress: (done: number, total: number) => void,
  fresh: boolean,
): Promise<void> {
  if (!isNumericMiType(ref.type)) throw noData(name);
  const feeder = new ValueFeeder(ref.type, little, (values, first) =>
    converter.push(values, first),
  );
  const [start, end] = [ref.at, ref.at + ref.bytes];
  const prepare = fresh ? prefaulter(src, ref, converter.layout, converter.out) : undefined;
  if (hash === null) {
    await src.stream(
      start,
      ref.bytes,
      (piece) => feeder.push(piece),
      (d) => progress(d, ref.bytes),
      prepare,
    );
    return;
  }
  await src.stream(
    0,
    src.size,
    (piece, at) => {
      hash.update(piece);
      const from = Math.max(start, at);
      const to = Math.min(end, at + piece.length);
      if (from < to) feeder.push(piece.subarray(from - at, to - at));
    },
    (d) => progress(d, src.size),
    prepare,
  );
}

async function hashAll(src: ByteSource, hash: Hash): Promise<void> {
  await src.stream(0, src.size, (piece) => hash.update(piece));
}

/** Most bytes the letters may take as floats in memory: about 340,000 letters of 28x28. */
export const MAX_PIXEL_BYTES = 2 ** 30;

/** Refuses, before anything is allocated, a set whose pixels would not fit in memory. */
function checkPixelMemory(fileName: string, layout: ImageLayout): void {
  const bytes = layout.count * layout.height * layout.width * Float32Array.BYTES_PER_ELEMENT;
  if (bytes <= MAX_PIXEL_BYTES) return;
  const most = Math.floor(MAX_PIXEL_BYTES / (layout.height * layout.width * 4));
  throw new LetterLabError(
    'file.too-large',
    `${fileName} holds ${layout.count} letters of ${layout.height}x${layout.width} pixels: ` +
      `Letter Lab would need ${(bytes / 1e9).toFixed(1)} GB of memory to hold them, and it ` +
      `holds at most ${(MAX_PIXEL_BYTES / 1e9).toFixed(1)} GB (${most} letters of this size). ` +
      'Use a smaller letters file, such as notMNIST_small.mat.',
  );
}

/**
 * Loads `images` and `labels` from a MAT-file (or .mat.gz) into an ImageSet: N x H x W float32
 * in 0..1, labels 0..K-1. Uncompressed pixels are streamed from disk and converted on the fly.
 */
export async function loadImageSet(
  path: string,
  opts: LoadImageSetOptions = {},
): Promise<LoadedImageSet> {
  const imagesName = opts.imagesName ?? IMAGES;
  const labelsName = opts.labelsName ?? LABELS;
  const report = opts.onProgress;
  const opened = await openMat(path, report);
  const base = opened.gzip ? 0.5 : 0;
  const progress = (done: number, total: number) =>
    report?.(Math.min(0.95, base + ((0.95 - base) * done) / Math.max(total, 1)), 'reading');
  try {
    const { src } = opened;
    const scan = scanMat(src);
    const little = scan.header.littleEndian;
    const vars = entries(scan.entries);
    const imagesVar = findVariable(vars, imagesName, 'images');
    const labelsVar = findVariable(vars, labelsName, 'labels');
    checkNumeric(labelsVar, 'labels');
    checkNumeric(imagesVar, 'images');
    const labelData = (await loadEntry(src, labelsVar.entry, little)).data;
    if (labelData === undefined) throw noData(labelsName);
    const labels = checkLabels(labelsName, labelsVar.dims, labelData);
    const layout = imageLayout(imagesName, imagesVar.dims, labels.labels.length, labelsName);
    checkPixelMemory(basename(path), layout);
    const hash = opts.fingerprint === false ? null : createHash('sha256');
    const ref = imagesVar.entry.innerTotal === null ? imagesVar.entry.info.real : null;
    let pixels: MatData | null = null;
    if (ref === null) {
      if (hash !== null) await hashAll(src, hash);
      pixels = (await loadEntry(src, imagesVar.entry, little)).data ?? null;
      if (pixels === null) throw noData(imagesName);
    }
    const images = await convertAsync(imagesName, layout, async (converter, firstPass) => {
      if (pixels !== null) converter.push(pixels, 0);
      else if (ref !== null) {
        // A second pass (pixels already in 0..1) re-reads without hashing or progress.
        const pass = firstPass ? { hash, progress } : { hash: null, progress: () => undefined };
        await streamPixels(
          src,
          ref,
          imagesName,
          little,
          converter,
          pass.hash,
          pass.progress,
          firstPass,
        );
      }
    });
    const set = imageSet(images, labels, layout);
    const info: Omit<DatasetInfo, 'loadMs'> = {
      fileName: basename(path),
      fileBytes: opened.fileBytes,
      format: 'MAT5',
      compressed: scan.compressed,
      gzip: opened.gzip,
      endian: little ? 'le' : 'be',
      imageOrder: layout.order,
      variables: vars.map(({ name, class: cls, dims }) => ({ name, class: cls, dims })),
      countsPerClass: labels.counts,
      fingerprint: hash === null ? '' : hash.digest('hex'),
    };
    return { set, info };
  } finally {
    await opened.close();
  }
}

/** The pixels as N x H x W floats in 0..1 (see convertPixels), from a feed that may await. */
async function convertAsync(
  name: string,
  layout: ImageLayout,
  feed: (converter: PixelConverter, firstPass: boolean) => Promise<void>,
): Promise<Float32Array> {
  const out = new Float32Array(layout.count * layout.height * layout.width);
  const scaled = new PixelConverter(layout, out, 255);
  await feed(scaled, true);
  if (scaled.check(name)) await feed(new PixelConverter(layout, out, 1), false);
  return out;
}

/**
 * The notebook's data pipeline: load, convert, shuffle with a seeded PRNG and split 80/20.
 * `info.fingerprint` is the sha256 of the MAT-file bytes (after removing any gzip layer).
 */
export async function loadDataset(
  path: string,
  opts: LoadDatasetOptions = {},
): Promise<{ set: SplitImageSet; info: DatasetInfo }> {
  const started = performance.now();
  const loaded = await loadImageSet(path, opts);
  const set = splitDataset(loaded.set, opts);
  opts.onProgress?.(1, 'done');
  return { set, info: { ...loaded.info, loadMs: performance.now() - started } };
}
