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

/** One variable of a MAT-file as listed to users (no data). */
export interface VariableSummary {
  name: string;
  class: string;
  dims: number[];
}

export type DatasetProgressFn = (fraction: number, stage: string) => void;

export interface LoadImageSetOptions {
  /** Variable names; default 'images' and 'labels' as in notMNIST_small.mat. */
  imagesName?: string;
  labelsName?: string;
  /** Compute DatasetInfo.fingerprint (sha256 of the MAT bytes). Default true. */
  fingerprint?: boolean;
  onProgress?: DatasetProgressFn;
}

export interface LoadDatasetOptions extends LoadImageSetOptions {
  /** Seed of the shuffle before the split. Default 42. */
  seed?: number;
  /** Share of images held out for testing. Default 0.2. */
  testFraction?: number;
}

export interface DatasetInfo {
  fileName: string;
  /** Size of the file on disk (the .gz size for a gzipped file). */
  fileBytes: number;
  format: 'MAT5';
  compressed: boolean;
  gzip: boolean;
  endian: 'le' | 'be';
  /** 'HxWxN' as MATLAB stores notMNIST, or 'NxHxW'. */
  imageOrder: 'HxWxN' | 'NxHxW';
  variables: VariableSummary[];
  countsPerClass: number[];
  /**
   * sha256 (hex) of the MAT-file bytes after removing any gzip layer, so a .mat and its .mat.gz
   * have the same fingerprint (for notMNIST_small.mat the sha256 its README lists). Empty when
   * the fingerprint was not asked for.
   */
  fingerprint: string;
  /** Wall time of the whole load, split included. */
  loadMs: number;
}

/** What `letter-lab inspect` prints, as JSON. */
export interface MatInspection {
  format: 'MAT5';
  compressed: boolean;
  variables: VariableSummary[];
  images: { height: number; width: number; count: number };
  classes: number;
  countsPerClass: number[];
  split: { train: number; test: number };
  loadMs: number;
}
