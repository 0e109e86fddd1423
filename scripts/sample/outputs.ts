// The three committed files: the MAT file, its JSON description, and FONTS.md (fonts and licences).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeMat5 } from '../../src-main/core/mat/write';
import type { FontFace, FontPackage } from './fonts';
import { LETTERS } from './generate';
import type { Sample } from './generate';
import { FRAME } from './render';

export const MAT_FILE = 'sample-letters.mat';
export const JSON_FILE = 'sample-letters.json';
export const FONTS_FILE = 'FONTS.md';
export const GENERATED_BY = 'npm run make-sample';
/** Fixed MAT header text (no date) so the file is byte-for-byte reproducible. */
export const MAT_HEADER =
  'MATLAB 5.0 MAT-file, Letter Lab sample letters A-J (not notMNIST), made by npm run make-sample';

export interface SampleInfo {
  name: string;
  count: number;
  fonts: string[];
  classes: number;
  generatedBy: string;
}

export function sampleInfo(sample: Sample): SampleInfo {
  return {
    name: `Sample letters (${sample.faces.length} fonts)`,
    count: sample.count,
    fonts: sample.faces.map((f) => f.name),
    classes: LETTERS.length,
    generatedBy: GENERATED_BY,
  };
}

/** Level-5 MAT file: `images` uint8 28x28xN (column-major) and `labels` double Nx1, compressed. */
export function sampleMat(sample: Sample): Uint8Array {
  return writeMat5(
    [
      { name: 'images', class: 'uint8', dims: [FRAME, FRAME, sample.count], data: sample.images },
      { name: 'labels', class: 'double', dims: [sample.count, 1], data: sample.labels },
    ],
    { compress: true, header: MAT_HEADER },
  );
}

function describeFaces(faces: FontFace[]): string {
  const parts: string[] = [];
  for (const style of ['normal', 'italic'] as const) {
    const weights = faces.filter((f) => f.style === style).map((f) => f.weight);
    if (weights.length > 0) parts.push(`${style} ${weights.join(', ')}`);
  }
  return parts.join('; ');
}

export function fontsMarkdown(sample: Sample): string {
  const packages: FontPackage[] = [];
  for (const face of sample.faces) if (!packages.includes(face.pkg)) packages.push(face.pkg);
  const rows = packages.map((pkg) => {
    const faces = sample.faces.filter((f) => f.pkg === pkg);
    const cells = [
      pkg.family,
      `\`${pkg.packageName}\``,
      pkg.version,
      `[${pkg.license}](${pkg.licenseUrl})`,
      pkg.attribution.replace(/\|/g, '\\|'),
      `${faces.length}: ${describeFaces(faces)}`,
    ];
    return `| ${cells.join(' | ')} |`;
  });
  const licences = [...new Set(packages.map((p) => p.license))].sort().join(' and ');
  return [
    '# Fonts of the sample letters',
    '',
    `\`${MAT_FILE}\` is **not notMNIST**. It holds ${sample.count} images of the letters A to J ` +
      `(labels 0 to 9), drawn by \`${GENERATED_BY}\` (\`scripts/make-sample.ts\`) from ` +
      `${sample.faces.length} faces of ${packages.length} open-licensed font families ` +
      `(${licences}). Each face draws each letter ${sample.count / LETTERS.length / sample.faces.length} ` +
      'times: once plain and otherwise slightly rotated, stretched and moved (seeded, reproducible). ' +
      'Only the 28x28 images are shipped, not the font files. The fonts come from the ' +
      '[Fontsource](https://fontsource.org) npm packages below (subset `latin`, `.woff2`); the licence ' +
      "and copyright were read from each package's `package.json`, `metadata.json` and `LICENSE`.",
    '',
    '| Family | npm package | Version | Licence | Copyright | Faces used (weights) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** Writes the MAT file, the JSON description and FONTS.md into `outDir`; returns their paths. */
export function writeSampleFiles(outDir: string, sample: Sample): string[] {
  mkdirSync(outDir, { recursive: true });
  const files: [string, string | Uint8Array][] = [
    [MAT_FILE, sampleMat(sample)],
    [JSON_FILE, `${JSON.stringify(sampleInfo(sample), null, 2)}\n`],
    [FONTS_FILE, fontsMarkdown(sample)],
  ];
  return files.map(([name, content]) => {
    const path = join(outDir, name);
    writeFileSync(path, content);
    return path;
  });
}
