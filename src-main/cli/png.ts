// PNG files for `letter-lab predict`, checked before a decoder sees them: the signature, the
// header's size (capped in pixels before anything is decoded), and every chunk whole with its CRC
// up to IEND, so a picture cut short or damaged is refused instead of giving a prediction of a
// half-decoded picture. Large pictures are scaled down in halving steps before their pixels are
// read, so an 8192x8192 picture never becomes several full-size float copies.
import { readFile } from 'node:fs/promises';
import { createCanvas, loadImage, type Canvas, type Image } from '@napi-rs/canvas';
import { LetterLabError } from '../core/errors';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Signature (8) + the IHDR chunk: length (4), type (4), 13 bytes of data, CRC (4). */
const IHDR_END = 33;
/** Pictures larger than this on a side are refused before decoding… */
export const MAX_PNG_SIDE = 16384;
/** …and so are pictures with more pixels than 8192x8192 (a 48-megapixel photo fits). */
export const MAX_PNG_PIXELS = 8192 * 8192;
/** Pictures are scaled down (in halving steps) until their longer side is at most this. */
export const WORKING_SIDE = 1024;

let crcTable: Uint32Array | null = null;

/** CRC-32 of the PNG specification (ISO 3309), over `bytes`. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function damaged(file: string, what: string): LetterLabError {
  return new LetterLabError(
    'predict.damaged-image',
    `${file} is a damaged PNG picture: ${what}. Save or copy the picture again.`,
  );
}

/** Checks the chunks after IHDR: each whole, with the right CRC, up to IEND. */
function checkChunks(file: string, bytes: Buffer): void {
  let at = SIGNATURE.length;
  let sawData = false;
  while (at < bytes.length) {
    if (bytes.length - at < 12) {
      throw damaged(file, `it ends inside a chunk header at byte ${at} (cut short?)`);
    }
    const length = bytes.readUInt32BE(at);
    const raw = bytes.toString('latin1', at + 4, at + 8);
    // Chunk types are four letters; anything else is named by its place only (no file content).
    const type = /^[A-Za-z]{4}$/.test(raw) ? raw : '?';
    const end = at + 12 + length;
    if (end > bytes.length) {
      throw damaged(
        file,
        `it is cut short: the chunk "${type}" at byte ${at} needs ${end} bytes, the file has ${bytes.length}`,
      );
    }
    const stored = bytes.readUInt32BE(at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== stored) {
      throw damaged(file, `the chunk "${type}" at byte ${at} is corrupted (bad CRC)`);
    }
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') {
      if (!sawData) throw damaged(file, 'it has no picture data (no IDAT chunk)');
      return;
    }
    at = end;
  }
  throw damaged(file, 'it is cut short: its end marker (IEND) is missing');
}

/** Reads and checks a PNG file; the bytes and its size, or a specific error. */
export async function readPng(
  file: string,
): Promise<{ bytes: Buffer; width: number; height: number }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new LetterLabError('file.not-found', `There is no file at ${file}. Check the name.`);
    }
    throw new LetterLabError(
      'file.unreadable',
      `${file} cannot be read (${code === 'EISDIR' ? 'it is a folder' : (code ?? String(err))}).`,
    );
  }
  const head = Math.min(bytes.length, SIGNATURE.length);
  const signed = bytes.length > 0 && SIGNATURE.slice(0, head).every((b, i) => bytes[i] === b);
  if (!signed) {
    throw new LetterLabError(
      'predict.not-png',
      `${file} is not a PNG image (it does not start with the PNG signature). Save the picture as PNG.`,
    );
  }
  if (bytes.length < IHDR_END) {
    throw damaged(
      file,
      `it is cut short: it has only ${bytes.length} bytes, not even the ${IHDR_END} of its header`,
    );
  }
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw damaged(file, 'its first chunk is not the IHDR header');
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (
    width < 1 ||
    height < 1 ||
    width > MAX_PNG_SIDE ||
    height > MAX_PNG_SIDE ||
    width * height > MAX_PNG_PIXELS
  ) {
    throw new LetterLabError(
      'predict.image-too-large',
      `${file} is ${width}x${height} pixels; letter-lab predict takes pictures from 1x1 up to ` +
        `${MAX_PNG_SIDE} pixels on a side and ${(MAX_PNG_PIXELS / 1e6).toFixed(1)} million pixels in all. ` +
        'Scale it down first.',
    );
  }
  checkChunks(file, bytes);
  return { bytes, width, height };
}

/**
 * The PNG's RGBA pixels, decoded by @napi-rs/canvas and scaled down in halving steps (smooth at
 * each step) until the longer side is at most WORKING_SIDE: a letter needs no more to become 28x28.
 */
export async function decodePng(
  file: string,
  bytes: Buffer,
): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  let image: Image;
  try {
    image = await loadImage(bytes);
  } catch (err) {
    throw damaged(file, `it cannot be decoded (${(err as Error).message})`);
  }
  let source: Image | Canvas = image;
  let width = image.width;
  let height = image.height;
  while (Math.max(width, height) > WORKING_SIDE) {
    const next = {
      width: Math.max(1, Math.ceil(width / 2)),
      height: Math.max(1, Math.ceil(height / 2)),
    };
    const step = createCanvas(next.width, next.height);
    const context = step.getContext('2d');
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(source, 0, 0, next.width, next.height);
    source = step;
    ({ width, height } = next);
  }
  const canvas = source instanceof Object && 'getContext' in source ? source : null;
  const target = canvas ?? createCanvas(width, height);
  if (!canvas) target.getContext('2d').drawImage(source, 0, 0);
  const { data } = target.getContext('2d').getImageData(0, 0, width, height);
  return { data, width, height };
}
