// Files a careless or hostile user could hand Letter Lab, written without holding them in memory:
// a .mat.gz "bomb" (a few hundred KB that expand to hundreds of MB) and a huge PNG.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import { writeMat5 } from '../../src-main/core/mat/write';

const MI_UINT8 = 2;
const MI_INT32 = 5;
const MI_UINT32 = 6;
const MI_MATRIX = 14;
const MX_UINT8 = 9;

function tagged(type: number, payload: Uint8Array): Uint8Array {
  const padded = Math.ceil(payload.length / 8) * 8;
  const out = new Uint8Array(8 + padded);
  const view = new DataView(out.buffer);
  view.setUint32(0, type, true);
  view.setUint32(4, payload.length, true);
  out.set(payload, 8);
  return out;
}

function u32s(values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setUint32(i * 4, v, true));
  return out;
}

/** The head of a uint8 matrix `name` with `dims` whose `bytes` data bytes follow. */
function uint8MatrixHead(name: string, dims: number[], bytes: number): Uint8Array {
  const flags = tagged(MI_UINT32, u32s([MX_UINT8, 0]));
  const dimsEl = tagged(MI_INT32, u32s(dims));
  const nameEl = tagged(
    1,
    Uint8Array.from(name, (c) => c.charCodeAt(0)),
  );
  const dataTag = u32s([MI_UINT8, bytes]);
  const padded = Math.ceil(bytes / 8) * 8;
  const content = flags.length + dimsEl.length + nameEl.length + 8 + padded;
  const out = new Uint8Array(8 + content - padded);
  out.set(u32s([MI_MATRIX, content]), 0);
  let at = 8;
  for (const part of [flags, dimsEl, nameEl, dataTag]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function writeZeros(gzip: NodeJS.WritableStream, bytes: number): Promise<void> {
  const block = new Uint8Array(4 * 1024 * 1024);
  for (let left = bytes; left > 0; left -= block.length) {
    const piece = left >= block.length ? block : block.subarray(0, left);
    if (!gzip.write(piece)) await once(gzip, 'drain');
  }
}

export type BombKind =
  /** A valid small letters set followed by a huge variable of zeros nobody asked for. */
  | 'padding'
  /** `images` itself is huge: 28x28 letters of zeros, as many as fit, labels 0..9 over and over. */
  | 'images';

/**
 * Writes a gzipped MAT-file that expands to about `expandedBytes`, streaming, so the test process
 * never holds it. Returns the number of bytes it expands to.
 */
export async function writeGzBomb(
  file: string,
  expandedBytes: number,
  kind: BombKind,
): Promise<number> {
  const gzip = createGzip({ level: 9 });
  const out = createWriteStream(file);
  gzip.pipe(out);
  let written = 0;
  const put = async (bytes: Uint8Array) => {
    written += bytes.length;
    if (!gzip.write(bytes)) await once(gzip, 'drain');
  };
  if (kind === 'padding') {
    const count = 40;
    const labels = Array.from({ length: count }, (_, i) => i % 10);
    const images = Array.from({ length: 28 * 28 * count }, (_, i) => (i * 37) % 256);
    const small = writeMat5([
      { name: 'images', class: 'uint8', dims: [28, 28, count], data: images },
      { name: 'labels', class: 'double', dims: [1, count], data: labels },
    ]);
    await put(small);
    const junk = Math.max(0, expandedBytes - small.length - 64);
    await put(uint8MatrixHead('junk', [1, junk], junk));
    await writeZeros(gzip, junk);
    written += junk;
    const pad = (8 - (junk % 8)) % 8;
    if (pad) await put(new Uint8Array(pad));
  } else {
    const count = Math.floor((expandedBytes - 400) / (28 * 28 + 1));
    const head = writeMat5([], {});
    await put(head);
    const labels = new Uint8Array(count);
    for (let i = 0; i < count; i++) labels[i] = i % 10;
    await put(uint8MatrixHead('labels', [count, 1], count));
    await put(labels);
    const lpad = (8 - (count % 8)) % 8;
    if (lpad) await put(new Uint8Array(lpad));
    const pixels = 28 * 28 * count;
    await put(uint8MatrixHead('images', [28, 28, count], pixels));
    await writeZeros(gzip, pixels);
    written += pixels;
    const pad = (8 - (pixels % 8)) % 8;
    if (pad) await put(new Uint8Array(pad));
  }
  gzip.end();
  await once(out, 'close');
  return written;
}

/** A `size` x `size` PNG of a black "A" on white (what a camper's phone photo could be). */
export async function bigLetterPng(size: number): Promise<Buffer> {
  const canvas = createCanvas(size, size);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size, size);
  context.fillStyle = '#000';
  context.font = `${Math.round(size * 0.7)}px sans-serif`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText('A', size / 2, size / 2);
  return canvas.encode('png');
}
