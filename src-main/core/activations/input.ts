// Images in the network's form, checked against the model's input.
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { LetterLabError } from '../errors';

export interface InputSize {
  height: number;
  width: number;
  channels: number;
}

/** The model's input size (height, width, channels of one image). */
export function inputSize(model: tfl.LayersModel): InputSize {
  const [, height, width, channels] = model.inputs[0].shape;
  if (typeof height !== 'number' || typeof width !== 'number' || typeof channels !== 'number') {
    throw new LetterLabError(
      'predict.bad-input',
      `This network takes input of shape [${model.inputs[0].shape.slice(1).join(', ')}], not images.`,
    );
  }
  return { height, width, channels };
}

/** A [count, h, w, c] tensor of `images` (0..1, row-major, image after image). */
export function imageBatch(
  model: tfl.LayersModel,
  images: Float32Array,
  count: number,
): tf.Tensor4D {
  const { height, width, channels } = inputSize(model);
  const size = height * width * channels;
  if (!Number.isInteger(count) || count < 1 || images.length !== count * size) {
    throw new LetterLabError(
      'predict.bad-input',
      `This network takes ${height}x${width}x${channels} images (${size} values each); got ` +
        `${images.length} values for ${count} image${count === 1 ? '' : 's'}.`,
    );
  }
  return tf.tensor4d(images, [count, height, width, channels]);
}
