// The dataset feature: opening files, the sample set, the explorer. Types only.

export type DatasetSource = 'sample' | 'file' | 'upload';

export interface DatasetInfo {
  source: DatasetSource;
  /** What the UI calls it: "Sample letters (42 fonts)" or the file name. */
  label: string;
  /** The sample set only: how many fonts drew its letters (the renderer words the label itself). */
  fonts?: number;
  fileName: string;
  fileBytes: number;
  format: string;
  compressed: boolean;
  count: number;
  height: number;
  width: number;
  classes: number;
  classNames: string[];
  countsPerClass: number[];
  split: { train: number; test: number; seed: number; testFraction: number };
  fingerprint: string;
  loadMs: number;
  /**
   * Counts the host's changes of the open letters (opens and splits): a higher number is newer.
   * A window gets each change twice (the answer and the event) by separate ways that may cross.
   */
  version: number;
}

export interface LetterImage {
  index: number;
  label: number;
  /** Height*width grey levels 0..255, row-major. */
  pixels: number[];
  /** Whether the image is in the test part of the split. */
  test: boolean;
}

export interface DatasetProgress {
  stage: string;
  fraction: number;
}

export interface DatasetInvoke {
  'dataset:current': { request: void; response: DatasetInfo | null };
  'dataset:open-sample': { request: void; response: DatasetInfo };
  /** Native open dialog (desktop); null when cancelled. */
  'dataset:choose': { request: void; response: DatasetInfo | null };
  /** A file the camper dropped or picked in the page, sent as bytes. */
  'dataset:upload': { request: { name: string; bytes: Uint8Array }; response: DatasetInfo };
  'dataset:grid': {
    request: { perClass: number; seed: number };
    response: { classes: { label: number; images: LetterImage[] }[] };
  };
  'dataset:image': { request: { index: number }; response: LetterImage };
  'dataset:split': { request: { seed: number; testFraction: number }; response: DatasetInfo };
}

export interface DatasetEvents {
  'dataset:progress': DatasetProgress;
  'dataset:changed': DatasetInfo;
}
