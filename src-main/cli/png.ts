// PNG pictures for the CLI (`letter-lab predict`, `letter-lab letters add`): checked before
// decoding, decoded by @napi-rs/canvas into RGBA pixels for the drawing pad's preprocessing.
import { readFile } from 'node:fs/promises';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { LetterLabError } from '../core/errors';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4). */
const IHDR_END = 24;
/** Pictures larger than this on a side are refused before decoding. */
export const MAX_PNG_SIDE = 8192;

export async function readPng(file: string): Promise<Buffer> {
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
  const signed = bytes.length >= IHDR_END && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
  if (!signed || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new LetterLabError(
      'predict.not-png',
      `${file} is not a PNG image (it does not start with the PNG signature). Save the picture as PNG.`,
    );
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
    throw new LetterLabError(
      'predict.image-too-large',
      `${file} is ${width}x${height} pixels; letter-lab takes pictures from 1x1 up to ` +
        `${MAX_PNG_SIDE}x${MAX_PNG_SIDE}. Scale it down first.`,
    );
  }
  return bytes;
}

/** The PNG's RGBA pixels, decoded by @napi-rs/canvas. */
export async function decodePng(
  file: string,
  bytes: Buffer,
): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  let image;
  try {
    image = await loadImage(bytes);
  } catch (err) {
    throw new LetterLabError(
      'predict.not-png',
      `${file} looks like a PNG but cannot be decoded (${(err as Error).message}). It may be damaged.`,
    );
  }
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
  return { data, width, height };
}
