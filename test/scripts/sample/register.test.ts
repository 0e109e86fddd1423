import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import { LetterLabError } from '../../../src-main/core/errors';
import {
  FONT_PACKAGES,
  listAllFaces,
  listFaces,
  readFontPackage,
} from '../../../scripts/sample/fonts';
import type { FontFace } from '../../../scripts/sample/fonts';
import { registerFace, verifyFaces } from '../../../scripts/sample/register';

const require = createRequire(import.meta.url);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof LetterLabError) return err.code;
    throw err;
  }
  return undefined;
}

describe('font catalogue', () => {
  it('lists every weight and style of every package, each with its latin .woff2 file', () => {
    const faces = listAllFaces();
    expect(faces.length).toBeGreaterThanOrEqual(40);
    expect(new Set(faces.map((f) => f.alias)).size).toBe(faces.length);
    expect(new Set(faces.map((f) => f.pkg.id))).toEqual(new Set(FONT_PACKAGES));
    for (const face of faces) expect(face.file).toMatch(/-latin-\d00-(normal|italic)\.woff2$/);
  });

  it('reads the licence from the package and checks it against the LICENSE file', () => {
    expect(readFontPackage('roboto').license).toBe('OFL-1.1');
    expect(readFontPackage('roboto-slab').license).toBe('Apache-2.0');
    expect(readFontPackage('special-elite').license).toBe('Apache-2.0');
    expect(readFontPackage('lato').attribution).not.toMatch(/\.ttf:/);
  });

  it('fails loudly for a package that is not installed', () => {
    expect(codeOf(() => readFontPackage('no-such-font-package'))).toBe('sample.font-missing');
  });
});

describe('registration and fallback detection', () => {
  const roboto = listFaces(readFontPackage('roboto'));
  const regular = roboto.find((f) => f.weight === 400 && f.style === 'normal')!;

  it('registers and verifies every face: no face draws like the fallback font or like another face', () => {
    const faces = listAllFaces();
    for (const face of faces) registerFace(face);
    expect(() => verifyFaces(faces, 'ABCDEFGHIJ')).not.toThrow();
  });

  it('rejects a file that is not a font', () => {
    const bogus: FontFace = {
      ...regular,
      file: require.resolve('@fontsource/roboto/package.json'),
      alias: 'LetterLab test bogus file',
    };
    expect(codeOf(() => registerFace(bogus))).toBe('sample.font-unregistered');
  });

  it('detects a face that silently falls back to the system font', () => {
    const ghost: FontFace = { ...regular, alias: 'LetterLab test never registered' };
    expect(codeOf(() => verifyFaces([ghost], 'A'))).toBe('sample.font-fallback');
  });

  it('detects two faces that draw identically (weight or style ignored)', () => {
    registerFace(regular);
    const twin: FontFace = { ...regular, name: 'Roboto 400 copy' };
    expect(codeOf(() => verifyFaces([regular, twin], 'AB'))).toBe('sample.font-fallback');
  });
});
