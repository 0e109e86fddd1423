/** A labelled image set in the notebook's layout, ready for training. */
export interface ImageSet {
  /** N*H*W floats in 0..1, row-major, one channel: image k starts at k*H*W. */
  images: Float32Array;
  /** N class indices 0..classes-1. */
  labels: Uint8Array;
  count: number;
  height: number;
  width: number;
  classes: number;
  /** Class names: 'A'..'J' for ten classes. */
  classNames: string[];
}

/** An ImageSet with its seeded 80/20 split (indices into the set). */
export interface SplitImageSet extends ImageSet {
  train: Uint32Array;
  test: Uint32Array;
  seed: number;
  testFraction: number;
}
