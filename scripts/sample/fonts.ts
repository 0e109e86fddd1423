// The open-licensed fonts the sample set is drawn from: @fontsource npm packages, 'latin' subset only.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LetterLabError } from '../../src-main/core/errors';

/** The @fontsource packages used, in output order. Each must be installed (see package.json). */
export const FONT_PACKAGES = [
  'roboto',
  'roboto-slab',
  'roboto-mono',
  'noto-sans',
  'noto-serif',
  'fira-sans',
  'lato',
  'merriweather',
  'playfair-display',
  'oswald',
  'ibm-plex-mono',
  'courier-prime',
  'comic-neue',
  'caveat',
  'dancing-script',
  'lobster',
  'pacifico',
  'bebas-neue',
  'abril-fatface',
  'permanent-marker',
  'special-elite',
] as const;

export const FONT_SUBSET = 'latin';

export type FontStyle = 'normal' | 'italic';

/** One npm font package and its licence. */
export interface FontPackage {
  id: string;
  packageName: string;
  version: string;
  family: string;
  /** SPDX id from package.json, checked against the LICENSE file. */
  license: string;
  licenseUrl: string;
  /** Copyright line(s) from the package metadata. */
  attribution: string;
}

/** One face: a family at one weight and style, backed by one font file. */
export interface FontFace {
  pkg: FontPackage;
  weight: number;
  style: FontStyle;
  /** Absolute path of the 'latin' subset .woff2 file. */
  file: string;
  /** The unique family name the face is registered under. */
  alias: string;
  /** Human-readable name, e.g. "Roboto 700 italic". */
  name: string;
}

interface PackageJson {
  name: string;
  version: string;
  license: string;
}

interface MetadataJson {
  family: string;
  weights: number[];
  styles: string[];
  license: { type: string; url: string; attribution: string };
}

const LICENSE_MARKERS: Record<string, string> = {
  'OFL-1.1': 'SIL Open Font License, Version 1.1',
  'Apache-2.0': 'Apache License',
};

const require = createRequire(import.meta.url);

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** The metadata repeats the copyright once per source file ("Foo-Italic.ttf: Copyright ..."); keep the first. */
function firstAttribution(text: string): string {
  const cut = text.search(/\s\S+\.ttf:/);
  return (cut >= 0 ? text.slice(0, cut) : text).trim();
}

/** Reads one @fontsource package: version, licence (checked against its LICENSE file), family name. */
export function readFontPackage(id: string): FontPackage {
  const packageName = `@fontsource/${id}`;
  let root: string;
  try {
    root = dirname(require.resolve(`${packageName}/package.json`));
  } catch {
    throw new LetterLabError(
      'sample.font-missing',
      `The font package ${packageName} is not installed. Run npm install, then npm run make-sample again.`,
    );
  }
  const pkg = readJson<PackageJson>(join(root, 'package.json'));
  const meta = readJson<MetadataJson>(join(root, 'metadata.json'));
  const marker = LICENSE_MARKERS[pkg.license];
  const licenseText = readFileSync(join(root, 'LICENSE'), 'utf8');
  if (!marker || meta.license.type !== pkg.license || !licenseText.includes(marker)) {
    throw new LetterLabError(
      'sample.font-license',
      `${packageName}: package.json says licence "${pkg.license}", metadata.json says ` +
        `"${meta.license.type}", and the LICENSE file does not confirm it. Check the licence by hand ` +
        'before shipping this font, then update LICENSE_MARKERS in scripts/sample/fonts.ts.',
    );
  }
  return {
    id,
    packageName,
    version: pkg.version,
    family: meta.family,
    license: pkg.license,
    licenseUrl: meta.license.url,
    attribution: firstAttribution(meta.license.attribution),
  };
}

/** Every weight x style the package declares, each with its 'latin' .woff2 file (which must exist). */
export function listFaces(pkg: FontPackage): FontFace[] {
  const root = dirname(require.resolve(`${pkg.packageName}/package.json`));
  const meta = readJson<MetadataJson>(join(root, 'metadata.json'));
  const styles = (['normal', 'italic'] as const).filter((s) => meta.styles.includes(s));
  const faces: FontFace[] = [];
  for (const style of styles) {
    for (const weight of [...meta.weights].sort((a, b) => a - b)) {
      const file = join(root, 'files', `${pkg.id}-${FONT_SUBSET}-${weight}-${style}.woff2`);
      if (!existsSync(file)) {
        throw new LetterLabError(
          'sample.font-missing',
          `${pkg.packageName} declares weight ${weight} ${style} but ${file} is missing. ` +
            'Reinstall the package (npm ci) and run npm run make-sample again.',
        );
      }
      const name = `${pkg.family} ${weight}${style === 'italic' ? ' italic' : ''}`;
      faces.push({ pkg, weight, style, file, alias: `LetterLab ${name}`, name });
    }
  }
  return faces;
}

/** All faces of all FONT_PACKAGES, in a fixed order. */
export function listAllFaces(): FontFace[] {
  return FONT_PACKAGES.flatMap((id) => listFaces(readFontPackage(id)));
}

/** The CSS font shorthand that selects exactly this face (no synthetic bold or slant). */
export function fontSpec(face: Pick<FontFace, 'style' | 'weight' | 'alias'>, px: number): string {
  return `${face.style} ${face.weight} ${px}px "${face.alias}"`;
}
