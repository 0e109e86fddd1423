// Seeded shuffling and batch tensors built straight from the ImageSet's typed arrays.

import * as tf from '@tensorflow/tfjs-core';
import type { ImageSet } from '../dataset/types';
import { mulberry32, shuffleInPlace } from '../random';

/** A 32-bit hash of a few integers (for per-epoch and per-batch seeds). */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h;
}

/** mulberry32 (see ../random): floats in [0, 1) from a seed. */
export const seededRandom = mulberry32;

/** A Fisher-Yates shuffled copy of `indices`; the same seed gives the same order. */
export function shuffled(indices: Uint32Array, seed: number): Uint32Array {
  return shuffleInPlace(indices.slice(), seed);
}

/** Tensors for a gathered batch: images [n, H, W, 1] and one-hot labels [n, classes]. */
export function batchTensors(
  images: Float32Array,
  labels: Uint8Array,
  height: number,
  width: number,
  classes: number,
): { x: tf.Tensor4D; y: tf.Tensor2D } {
  const n = labels.length;
  const oneHot = new Float32Array(n * classes);
  for (let k = 0; k < n; k++) oneHot[k * classes + labels[k]] = 1;
  return {
    x: tf.tensor4d(images, [n, height, width, 1]),
    y: tf.tensor2d(oneHot, [n, classes]),
  };
}

/** Images [n, H, W, 1] and one-hot labels [n, classes] for `indices[start, end)`. */
export function makeBatch(
  set: ImageSet,
  indices: Uint32Array,
  start: number,
  end: number,
): { x: tf.Tensor4D; y: tf.Tensor2D; labels: Uint8Array } {
  return tensorsAt(set, indices.subarray(start, end));
}

/** Pixels of the last batch gathered here, reused (see tensorsAt). */
let scratch = new Float32Array(0);

/**
 * Tensors for the images at `indices` of `set`: x [n, H, W, 1], one-hot y [n, classes], and the
 * labels. The pixels go into the backend once: on wasm through one reused buffer (the backend
 * copies it into its heap); elsewhere through a new array the tensor keeps.
 */
export function tensorsAt(
  set: Pick<ImageSet, 'images' | 'labels' | 'height' | 'width' | 'classes'>,
  indices: Uint32Array,
): { x: tf.Tensor4D; y: tf.Tensor2D; labels: Uint8Array } {
  const n = indices.length;
  const pixels = set.height * set.width;
  let images: Float32Array;
  if (tf.getBackend() === 'wasm') {
    if (scratch.length < n * pixels) scratch = new Float32Array(n * pixels);
    images = scratch.subarray(0, n * pixels);
  } else {
    images = new Float32Array(n * pixels);
  }
  const labels = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const index = indices[k];
    images.set(set.images.subarray(index * pixels, (index + 1) * pixels), k * pixels);
    labels[k] = set.labels[index];
  }
  return { ...batchTensors(images, labels, set.height, set.width, set.classes), labels };
}
