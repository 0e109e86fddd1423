// A letters file in the teacher's format: MAT level 5, `images` 28x28xN double (grey levels
// 0..255, column-major, bright glyph on black), `labels` Nx1 double (0 = A). Files that say who
// drew each letter add `camper` (Nx1 double, 1-based index into the names, 0 = nobody) and
// `campers` (one row of text: the names, one per line). scipy.io.loadmat, MATLAB and Letter Lab
// read them; Letter Lab also reads the teacher's files (any layout its loader takes).
import { convertPixels } from '../dataset/from-mat';
import { imageLayout, type ImageLayout } from '../dataset/images';
import { checkLabels } from '../dataset/labels';
import { IMAGES, LABELS, checkNumeric, findVariable } from '../dataset/variables';
import { LetterLabError } from '../errors';
import type { MatFile, MatVariable } from '../mat/types';
import { writeMat5, type WriteVariable } from '../mat/write';
import { LETTER_PIXELS, LETTER_SIDE, makeLetter, type StoredLetter } from './letter';

export const CAMPER = 'camper';
export const CAMPERS = 'campers';
export const LETTERS_HEADER = 'MATLAB 5.0 MAT-file, Created by: Letter Lab (letters file)';
/** Names are one per line in `campers`; a name is one line of at most this many characters. */
export const MAX_CAMPER_NAME = 60;

function badFile(label: string, detail: string): LetterLabError {
  return new LetterLabError('letters.bad-file', `${label}: ${detail}`);
}

/** The layout of `count` letters: 28x28xN (or NxHxW) as the dataset loader reads it. */
function layoutOf(images: MatVariable, count: number, label: string): ImageLayout {
  const plane = LETTER_PIXELS;
  const values = images.dims.reduce((a, b) => a * b, 1);
  // MATLAB keeps no trailing singleton dims: one letter is just 28x28; no letter is 28x28x0.
  if (count <= 1) {
    if (values !== plane * count || images.dims.filter((d) => d !== 1).length > 3) {
      throw badFile(label, `'images' has dims ${images.dims.join('x')} for ${count} label(s).`);
    }
    return {
      order: 'HxWxN',
      height: LETTER_SIDE,
      width: LETTER_SIDE,
      count,
      dims: [LETTER_SIDE, LETTER_SIDE, Math.max(count, 1)],
      strides: [LETTER_SIDE, 1, plane],
      rowMajor: false,
      sourceDims: images.dims,
    };
  }
  const layout = imageLayout(IMAGES, images.dims, count, LABELS);
  if (layout.height !== LETTER_SIDE || layout.width !== LETTER_SIDE) {
    throw badFile(
      label,
      `its letters are ${layout.height}x${layout.width} pixels; letters files hold ` +
        `${LETTER_SIDE}x${LETTER_SIDE} letters, as notMNIST and the drawing pad make them.`,
    );
  }
  return layout;
}

/** Who drew each letter, from the optional `camper` and `campers` variables (null: not said). */
function campersOf(mat: MatFile, count: number): (string | null)[] | null {
  const index = mat.variables.find((v) => v.name === CAMPER);
  const names = mat.variables.find((v) => v.name === CAMPERS);
  if (!index?.data || names?.text === undefined || index.data.length !== count) return null;
  const list = names.text.split('\n').map((n) => n.trim().slice(0, MAX_CAMPER_NAME));
  const out: (string | null)[] = [];
  for (let i = 0; i < count; i++) {
    const k = Number(index.data[i]);
    if (!Number.isInteger(k) || k < 0 || k > list.length) return null;
    out.push(k === 0 || list[k - 1] === '' ? null : list[k - 1]);
  }
  return out;
}

/**
 * The letters of a MAT-file read with column-major data. `minClasses` 0 takes any labels (a
 * collection of only A's, or none at all). Throws letters.bad-file or the dataset loader's errors.
 */
export function decodeLetters(mat: MatFile, label: string): StoredLetter[] {
  const imagesVar = findVariable(mat.variables, IMAGES, 'images');
  const labelsVar = findVariable(mat.variables, LABELS, 'labels');
  checkNumeric(imagesVar, 'images');
  checkNumeric(labelsVar, 'labels');
  if (!imagesVar.data || !labelsVar.data) {
    throw badFile(label, "'images' or 'labels' holds no numbers Letter Lab can read.");
  }
  if (mat.order !== 'column-major') throw new Error('decodeLetters takes column-major data');
  const { labels } = checkLabels(LABELS, labelsVar.dims, labelsVar.data, 0);
  const layout = layoutOf(imagesVar, labels.length, label);
  const data = imagesVar.data;
  const levels = convertPixels(IMAGES, layout, (c) => c.push(data, 0));
  const campers = campersOf(mat, labels.length);
  const letters: StoredLetter[] = [];
  for (let k = 0; k < labels.length; k++) {
    const pixels = new Uint8Array(LETTER_PIXELS);
    for (let i = 0; i < LETTER_PIXELS; i++) {
      pixels[i] = Math.round(levels[k * LETTER_PIXELS + i] * 255);
    }
    letters.push(makeLetter(pixels, labels[k], campers?.[k] ?? null));
  }
  return letters;
}

/** The MAT variables of a letters file: images 28x28xN and labels Nx1 (double), and campers. */
export function letterVariables(letters: readonly StoredLetter[]): WriteVariable[] {
  const n = letters.length;
  const images = new Float64Array(n * LETTER_PIXELS);
  const labels = new Float64Array(n);
  letters.forEach((letter, k) => {
    // Row-major pixels to MATLAB's column-major images(row, column, k).
    const base = k * LETTER_PIXELS;
    for (let r = 0; r < LETTER_SIDE; r++) {
      for (let c = 0; c < LETTER_SIDE; c++) {
        images[base + c * LETTER_SIDE + r] = letter.pixels[r * LETTER_SIDE + c];
      }
    }
    labels[k] = letter.label;
  });
  const vars: WriteVariable[] = [
    { name: IMAGES, class: 'double', dims: [LETTER_SIDE, LETTER_SIDE, n], data: images },
    { name: LABELS, class: 'double', dims: [n, 1], data: labels },
  ];
  const names = [...new Set(letters.map((l) => l.camper).filter((c) => c !== null))];
  if (names.length > 0) {
    const index = Float64Array.from(letters, (l) =>
      l.camper === null ? 0 : names.indexOf(l.camper) + 1,
    );
    const text = names.join('\n');
    vars.push({ name: CAMPER, class: 'double', dims: [n, 1], data: index });
    vars.push({ name: CAMPERS, class: 'char', dims: [1, text.length], data: text });
  }
  return vars;
}

/** The bytes of a letters file holding `letters`. */
export function encodeLetters(letters: readonly StoredLetter[]): Uint8Array {
  return writeMat5(letterVariables(letters), { header: LETTERS_HEADER });
}

/** A camper's name as files keep it: one line, trimmed, at most MAX_CAMPER_NAME characters. */
export function cleanCamperName(name: string): string | null {
  const clean = name
    .replace(/[\r\n\t]+/g, ' ')
    .trim()
    .slice(0, MAX_CAMPER_NAME);
  return clean === '' ? null : clean;
}
