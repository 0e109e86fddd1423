import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LetterLabError } from '../../../src-main/core/errors';
import { writeMat5 } from '../../../src-main/core/mat/write';
import type { WriteVariable } from '../../../src-main/core/mat/write';

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);
const u32 = (bytes: Uint8Array, at: number, little = true) =>
  new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, little);
const x: WriteVariable = { name: 'x', class: 'uint8', dims: [1, 3], data: [7, 8, 9] };

describe('writeMat5', () => {
  it('writes the 128-byte header: text padded with spaces, version 0x0100, endian mark', () => {
    const le = writeMat5([]);
    expect(le.length).toBe(128);
    expect(latin1(le.subarray(0, 116))).toMatch(/^MATLAB 5\.0 MAT-file.* +$/);
    expect(Array.from(le.subarray(116, 124))).toEqual(new Array(8).fill(0));
    expect(Array.from(le.subarray(124, 128))).toEqual([0x00, 0x01, 0x49, 0x4d]); // 0x0100, 'IM'
    const be = writeMat5([], { endian: 'be', header: 'MATLAB 5.0 MAT-file, custom' });
    expect(latin1(be.subarray(0, 27))).toBe('MATLAB 5.0 MAT-file, custom');
    expect(be[27]).toBe(0x20);
    expect(Array.from(be.subarray(124, 128))).toEqual([0x01, 0x00, 0x4d, 0x49]); // 0x0100, 'MI'
  });

  it('is deterministic: the same variables give the same bytes', () => {
    for (const compress of [false, true]) {
      expect(writeMat5([x], { compress })).toEqual(writeMat5([x], { compress }));
    }
  });

  it('uses the small element form for names and data of 1-4 bytes only when asked', () => {
    const small = writeMat5([x]);
    // Element at 128: tag (8), flags (16), dims (16), then the name 'x' as a small element.
    expect(u32(small, 128)).toBe(14);
    expect(Array.from(small.subarray(168, 176))).toEqual([1, 0, 1, 0, 0x78, 0, 0, 0]);
    expect(Array.from(small.subarray(176, 184))).toEqual([2, 0, 3, 0, 7, 8, 9, 0]);
    const full = writeMat5([x], { smallElements: false });
    expect([u32(full, 168), u32(full, 172), full[176]]).toEqual([1, 1, 0x78]);
    expect([u32(full, 184), u32(full, 188)]).toEqual([2, 3]);
    expect(Array.from(full.subarray(192, 195))).toEqual([7, 8, 9]);
  });

  it('pads every uncompressed element to 8 bytes', () => {
    const bytes = writeMat5([
      { name: 'name5', class: 'int8', dims: [1, 5], data: [1, 2, 3, 4, 5] },
    ]);
    expect(bytes.length % 8).toBe(0);
    expect(u32(bytes, 132) % 8).toBe(0);
  });

  it('compresses each variable into a zlib stream holding the uncompressed element', () => {
    const vars: WriteVariable[] = [
      x,
      { name: 'd', class: 'double', dims: [2, 2], data: [1, 2, 3, 4] },
    ];
    for (const endian of ['le', 'be'] as const) {
      const little = endian === 'le';
      const plain = writeMat5(vars, { endian });
      const packed = writeMat5(vars, { endian, compress: true });
      let at = 128;
      const inner: Uint8Array[] = [];
      while (at < packed.length) {
        expect(u32(packed, at, little)).toBe(15);
        const size = u32(packed, at + 4, little);
        inner.push(inflateSync(packed.subarray(at + 8, at + 8 + size)));
        at += 8 + size;
      }
      expect(at).toBe(packed.length);
      expect(Buffer.concat(inner)).toEqual(Buffer.from(plain.subarray(128)));
    }
  });

  it.each([
    ['a bad name', { ...x, name: '1x' }, /'1x' is not a MATLAB variable name/],
    ['a name over 63 characters', { ...x, name: 'a'.repeat(64) }, /not a MATLAB variable name/],
    ['one dim', { ...x, dims: [3] }, /needs at least 2 non-negative integer dims/],
    ['a negative dim', { ...x, dims: [-1, 3] }, /non-negative integer dims/],
    ['too few values', { ...x, dims: [2, 3] }, /dims 2x3 \(6 values\) but 3/],
    [
      'a uint8 of 256',
      { ...x, data: [1, 256, 3] },
      /'x' value 1 \(256\) does not fit uint8: whole numbers 0\.\.255/,
    ],
    [
      'a fractional int16',
      { ...x, class: 'int16', data: [1, 2.5, 3] },
      /\(2\.5\) does not fit int16/,
    ],
    ['numbers for char', { ...x, class: 'char' }, /char arrays take a string/],
    ['a string for double', { ...x, class: 'double', data: 'abc' }, /char arrays take a string/],
    ['an unknown class', { ...x, class: 'cell' as never }, /class 'cell'/],
  ] as [string, WriteVariable, RegExp][])('rejects %s', (_name, variable, message) => {
    expect(() => writeMat5([variable])).toThrow(LetterLabError);
    expect(() => writeMat5([variable])).toThrow(message);
  });

  it('rejects header text that does not fit', () => {
    expect(() => writeMat5([], { header: 'M'.repeat(117) })).toThrow(/at most 116 characters/);
    expect(() => writeMat5([], { header: 'MATLAB é' })).toThrow(/printable ASCII/);
  });
});
