// The data set's images and labels in shared memory, so the worker threads read their shards of a
// batch (and of the validation images) where they are: a step sends the shard's positions in the
// data set, not its pixels. Copied into a SharedArrayBuffer once per data set (a set already in
// shared memory is used as it is) and handed to the workers once per run.

import type { ImageSet } from '../../dataset/types';

/** What the threads need of an ImageSet, with images and labels in shared memory. */
export type SharedImages = Pick<
  ImageSet,
  'images' | 'labels' | 'count' | 'height' | 'width' | 'classes'
>;

const shared = new WeakMap<Float32Array, SharedImages>();

function inSharedMemory(a: ArrayBufferView): boolean {
  return a.buffer instanceof SharedArrayBuffer;
}

/** `array`'s values in a SharedArrayBuffer (the array itself when already there). */
function shareArray<T extends Float32Array | Uint8Array>(
  array: T,
  make: (buffer: SharedArrayBuffer) => T,
): T {
  if (inSharedMemory(array)) return array;
  const copy = make(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

/** `set`'s images and labels in shared memory (made once per set, then reused). */
export function sharedImages(set: ImageSet): SharedImages {
  const known = shared.get(set.images);
  if (known && known.count === set.count) return known;
  const data: SharedImages = {
    images: shareArray(set.images, (b) => new Float32Array(b)),
    labels: shareArray(set.labels, (b) => new Uint8Array(b)),
    count: set.count,
    height: set.height,
    width: set.width,
    classes: set.classes,
  };
  shared.set(set.images, data);
  return data;
}
