// A minimal PNG writer for small greyscale pictures (8 bits, no interlace, filter 0 on every
// row), for the letters in the HTML reports.

import { deflateSync } from 'node:zlib';
import { crc32 } from './zip';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const GREYSCALE = 0;

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An 8-bit greyscale PNG of `pixels` (width*height bytes, row by row, 0 black, 255 white). */
export function greyPng(pixels: Uint8Array, width: number, height: number): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`A PNG needs a whole width and height >= 1, got ${width}x${height}.`);
  }
  if (pixels.length !== width * height) {
    throw new RangeError(
      `${width}x${height} pixels need ${width * height} bytes, got ${pixels.length}.`,
    );
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = GREYSCALE;
  const rows = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y++)
    rows.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return Buffer.concat([
    Buffer.from(SIGNATURE),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The same as a data: URL. */
export function greyPngDataUrl(pixels: Uint8Array, width: number, height: number): string {
  return `data:image/png;base64,${greyPng(pixels, width, height).toString('base64')}`;
}
