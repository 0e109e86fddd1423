import { LetterLabError } from '../errors';
import type { MatFile } from '../mat/types';
import type { ImageLayout } from './images';
import { PixelConverter, imageLayout } from './images';
import { checkLabels, classNames, type CheckedLabels } from './labels';
import type { ImageSet } from './types';
import { IMAGES, LABELS, checkNumeric, findVariable } from './variables';

export interface FromMatOptions {
  imagesName?: string;
  labelsName?: string;
}

/** The pixels as N x H x W floats in 0..1: divided by 255 unless they already are in 0..1. */
export function convertPixels(
  name: string,
  layout: ImageLayout,
  feed: (converter: PixelConverter) => void,
): Float32Array {
  const out = new Float32Array(layout.count * layout.height * layout.width);
  const scaled = new PixelConverter(layout, out, 255);
  feed(scaled);
  if (scaled.check(name)) feed(new PixelConverter(layout, out, 1));
  return out;
}

/** The set of converted pixels (see convertPixels) and checked labels, named A, B, … */
export function imageSet(
  images: Float32Array,
  labels: CheckedLabels,
  layout: ImageLayout,
): ImageSet {
  return {
    images,
    labels: labels.labels,
    count: layout.count,
    height: layout.height,
    width: layout.width,
    classes: labels.classes,
    classNames: classNames(labels.classes),
  };
}

function missingData(name: string, code: 'dataset.bad-images' | 'dataset.bad-labels') {
  return new LetterLabError(
    code,
    `'${name}' was not read from the file (it was skipped). Read the file again with its data.`,
    { variable: name },
  );
}

/**
 * The notebook's pipeline on a MAT-file read into memory: images as N x H x W float32 in 0..1
 * (divided by 255 when the maximum is above 1), labels as Uint8Array, classes named A, B, ...
 */
export function datasetFromMat(mat: MatFile, opts: FromMatOptions = {}): ImageSet {
  const imagesName = opts.imagesName ?? IMAGES;
  const labelsName = opts.labelsName ?? LABELS;
  const imagesVar = findVariable(mat.variables, imagesName, 'images');
  const labelsVar = findVariable(mat.variables, labelsName, 'labels');
  checkNumeric(labelsVar, 'labels');
  checkNumeric(imagesVar, 'images');
  if (labelsVar.data === undefined) throw missingData(labelsName, 'dataset.bad-labels');
  const labels = checkLabels(labelsName, labelsVar.dims, labelsVar.data);
  const rowMajor = mat.order === 'row-major';
  const layout = imageLayout(
    imagesName,
    imagesVar.dims,
    labels.labels.length,
    labelsName,
    rowMajor,
  );
  const pixels = imagesVar.data;
  if (pixels === undefined) throw missingData(imagesName, 'dataset.bad-images');
  if (pixels.length !== layout.count * layout.height * layout.width) {
    throw new LetterLabError(
      'dataset.bad-image-dims',
      `'${imagesName}' has dims ${imagesVar.dims.join('x')} but holds ${pixels.length} values.`,
      { variable: imagesName },
    );
  }
  return imageSet(
    convertPixels(imagesName, layout, (c) => c.push(pixels, 0)),
    labels,
    layout,
  );
}
