// Files that must be rejected, each with the error code and message the reader must give.
import { deflateSync, gzipSync } from 'node:zlib';
import type { ErrorCode } from '../../../src-main/contract/errors';
import { writeMat5 } from '../../../src-main/core/mat/write';
import {
  C,
  T,
  ascii,
  cat,
  compressed,
  compressedRaw,
  header,
  numericMatrix,
  values,
  words,
} from './build';

// images 2x2x3 double: tag 128, flags 136, dims tag 152 (values 160), name 176, data tag 192;
// labels at 296.
export const valid = () =>
  writeMat5([
    {
      name: 'images',
      class: 'double',
      dims: [2, 2, 3],
      data: Array.from({ length: 12 }, (_, i) => i),
    },
    { name: 'labels', class: 'double', dims: [3, 1], data: [0, 1, 2] },
  ]);
export const IMAGES_AT = 128;
const DIMS_AT = 160;
const DATA_TAG_AT = 192;
const LABELS_AT = 296;

export function patch(bytes: Uint8Array, at: number, value: number, little = true): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setUint32(at, value >>> 0, little);
  return out;
}

function v4File(little: boolean): Uint8Array {
  return cat(words([0, 2, 1, 0, 2], little), ascii('x\0'), values(T.double, [1, 2], little));
}

function hdf5(text: string, version: number): Uint8Array {
  const out = new Uint8Array(1024);
  out.set(header({ text, version }));
  out.set([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a], 512);
  return out;
}

/** A compressed element whose inflated inner element claims `innerBytes`. */
export function innerLie(innerBytes: number, actual: number): Uint8Array {
  const inner = cat(words([T.matrix, innerBytes], true), new Uint8Array(actual));
  return cat(header(), compressedRaw(deflateSync(inner), true));
}

const images = numericMatrix('images', C.double, [1, 2], [1, 2], true, T.double);

export interface Case {
  name: string;
  make: () => Uint8Array;
  code: ErrorCode;
  message: RegExp;
  gz?: boolean;
}

export const CASES: Case[] = [
  {
    name: 'an empty file',
    make: () => new Uint8Array(0),
    code: 'mat.not-mat',
    message: /not a MATLAB MAT-file: the file is empty/,
  },
  {
    name: 'plain text',
    make: () => ascii('not a mat file, just words. '.repeat(8)),
    code: 'mat.not-mat',
    message: /does not start with "MATLAB".*savemat/,
  },
  {
    name: 'a PNG',
    make: () =>
      cat(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), new Uint8Array(300)),
    code: 'mat.not-mat',
    message: /not a MATLAB MAT-file/,
  },
  {
    name: 'three bytes',
    make: () => ascii('abc'),
    code: 'mat.not-mat',
    message: /only 3 bytes long/,
  },
  {
    name: 'a v7.3 (HDF5) file',
    make: () => hdf5('MATLAB 7.3 MAT-file, Platform: GLNXA64, HDF5 schema 1.00 .', 0x0200),
    code: 'mat.v73-hdf5',
    message: /v7\.3 MAT-file.*HDF5.*save\('file\.mat'.*'-v7'\).*format='5'/,
  },
  {
    name: 'an HDF5 signature at byte 512',
    make: () => hdf5('MATLAB 5.0 MAT-file', 0x0100),
    code: 'mat.v73-hdf5',
    message: /HDF5/,
  },
  {
    name: 'header version 0x0200',
    make: () => cat(header({ version: 0x0200 }), images),
    code: 'mat.v73-hdf5',
    message: /v7\.3/,
  },
  {
    name: 'a v4 file (little-endian)',
    make: () => v4File(true),
    code: 'mat.v4',
    message: /version 4 MAT-file \(its first variable is 'x'\).*-v7/,
  },
  {
    name: 'a v4 file (big-endian)',
    make: () => v4File(false),
    code: 'mat.v4',
    message: /version 4/,
  },
  {
    name: 'a header cut at 100 bytes',
    make: () => valid().subarray(0, 100),
    code: 'mat.truncated',
    message:
      /cut short: the 128-byte MAT-file header needs bytes up to 128, but the data ends at byte 100/,
  },
  {
    name: 'a file cut inside the data',
    make: () => valid().subarray(0, valid().length - 20),
    code: 'mat.truncated',
    message: new RegExp(
      `cut short: the element at byte ${LABELS_AT} needs bytes up to \\d+, but the data ends at byte \\d+.*again`,
    ),
  },
  {
    name: 'a file cut inside a tag',
    make: () => valid().subarray(0, LABELS_AT + 3),
    code: 'mat.truncated',
    message: new RegExp(`element tag at byte ${LABELS_AT}`),
  },
  {
    name: 'an element claiming 4 GB',
    make: () => patch(valid(), IMAGES_AT + 4, 0xfffffff0),
    code: 'mat.element-too-large',
    message:
      /The element at byte 128 claims 4294967280 bytes, but only \d+ bytes follow it in the file/,
  },
  {
    name: 'a sub-element claiming more than its variable',
    make: () => patch(valid(), DATA_TAG_AT + 4, 10000),
    code: 'mat.element-too-large',
    message:
      /Variable 'images' at byte 192 claims 10000 bytes, but only \d+ bytes are left in the enclosing variable/,
  },
  {
    name: 'dims that do not match the data',
    make: () => patch(valid(), DIMS_AT + 8, 4),
    code: 'mat.corrupt',
    message:
      /variable 'images' at byte 192: dims 2x2x4 make 16 values \(128 bytes of miDOUBLE\) but the real part holds 96 bytes/,
  },
  {
    name: 'dims claiming a huge array',
    make: () =>
      patch(patch(patch(valid(), DIMS_AT, 65535), DIMS_AT + 4, 65535), DIMS_AT + 8, 65535),
    code: 'mat.corrupt',
    message: /dims 65535x65535x65535 make/,
  },
  {
    name: 'a negative dimension',
    make: () => patch(valid(), DIMS_AT + 4, -2),
    code: 'mat.corrupt',
    message: /dimension 2 is negative \(-2\)/,
  },
  {
    name: 'a small element claiming 6 bytes',
    make: () => patch(valid(), LABELS_AT + 8 + 16 + 16, (6 << 16) | T.int8),
    code: 'mat.corrupt',
    message: /small data element claims 6 bytes/,
  },
  {
    name: 'array flags of the wrong type',
    make: () => patch(valid(), IMAGES_AT + 8, T.int32),
    code: 'mat.corrupt',
    message: /array flags should be an miUINT32 element of 8 bytes, found miINT32/,
  },
  {
    name: 'numeric data of a text type',
    make: () => patch(valid(), DATA_TAG_AT, T.utf8),
    code: 'mat.corrupt',
    message: /the real part should be numeric data, found miUTF8/,
  },
  {
    name: 'a bad endian mark',
    make: () => cat(header({ mark: 'XX' }), images),
    code: 'mat.corrupt',
    message: /bytes 126-127 are "XX" instead of "IM" or "MI"/,
  },
  {
    name: 'an unknown version',
    make: () => cat(header({ version: 0x0300 }), images),
    code: 'mat.unsupported',
    message: /version 0x0300 at byte 124/,
  },
  {
    name: 'a compressed element declaring 1 GiB',
    make: () => innerLie(2 ** 30, 64),
    code: 'mat.element-too-large',
    message:
      /compressed element at byte 128 claims 1073741832 bytes, but \d+ compressed bytes can expand to at most \d+ bytes/,
  },
  {
    name: 'a compressed element declaring more than it holds',
    make: () =>
      cat(header(), compressedRaw(deflateSync(patch(images, 4, images.length - 8 + 64)), true)),
    code: 'mat.corrupt',
    message:
      /compressed element at byte 128: its compressed data declares \d+ bytes but decompresses to \d+/,
  },
  {
    name: 'a cut compressed stream',
    make: () => {
      const packed = deflateSync(images);
      return cat(header(), compressedRaw(packed.subarray(0, packed.length - 6), true));
    },
    code: 'mat.truncated',
    message: /compressed element at byte 128 stops in the middle of its compressed stream/,
  },
  {
    name: 'a compressed element that is not zlib',
    make: () => cat(header(), compressedRaw(ascii('this is not a zlib stream at all...'), true)),
    code: 'mat.corrupt',
    message: /zlib cannot decompress it/,
  },
  {
    name: 'a compressed element running past the end',
    make: () => cat(header(), compressed(images, true)).subarray(0, 150),
    code: 'mat.truncated',
    message: /the compressed element at byte 128 needs bytes up to/,
  },
  {
    name: 'a .mat.gz cut short',
    make: () => {
      const gz = gzipSync(valid());
      return gz.subarray(0, gz.length >> 1);
    },
    code: 'mat.truncated',
    message: /gzip data .* stops in the middle of its compressed stream/,
    gz: true,
  },
  {
    name: 'a .mat.gz of a v7.3 file',
    make: () => gzipSync(hdf5('MATLAB 7.3 MAT-file', 0x0200)),
    code: 'mat.v73-hdf5',
    message: /HDF5/,
    gz: true,
  },
  {
    name: 'a .mat.gz of text',
    make: () => gzipSync(ascii('hello, world '.repeat(20))),
    code: 'mat.not-mat',
    message: /not a MATLAB MAT-file/,
    gz: true,
  },
  {
    name: 'a .mat.gz with a damaged stream',
    make: () => {
      const gz = gzipSync(valid());
      gz[12] ^= 0xff;
      gz[13] ^= 0x55;
      return gz;
    },
    code: 'mat.corrupt',
    message: /gzip data.*gunzip failed/,
    gz: true,
  },
  {
    name: 'a .mat.gz of a truncated MAT-file',
    make: () => gzipSync(valid().subarray(0, 200)),
    code: 'mat.truncated',
    message: /cut short/,
    gz: true,
  },
];
