// What the preprocessing takes and gives. Pure TypeScript shared by the renderer (the drawing
// canvas), the host and the CLI (PNG files), so a drawing and a file become the same numbers.

/** A rectangle in source pixels: columns x..x+width-1, rows y..y+height-1. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Grey levels 0 (black) .. 1 (white), row-major. */
export interface GrayImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** The picture in the network's form: ink 1 (white) on background 0 (black), row-major. */
export interface PreparedImage {
  width: number;
  height: number;
  pixels: Float32Array;
  /** Where the glyph was found in the source picture. */
  box: Box;
  /** True when the source was dark ink on a light background (and was turned around). */
  inverted: boolean;
}

/** Why a picture cannot be turned into a letter. */
export type PreprocessProblem =
  /** Nothing drawn: no ink stands out from the background. */
  | { reason: 'blank' }
  /** The ink is a speck: too few pixels to scale up into a letter. */
  | { reason: 'too-small'; box: Box; minimum: number };

export type PreprocessOutcome =
  ({ ok: true } & PreparedImage) | ({ ok: false } & PreprocessProblem);

export interface PreprocessOptions {
  /** The network's input size; notMNIST is 28x28. */
  width?: number;
  height?: number;
  /** The background's side: 'auto' (default) finds it; 'dark'/'light' when the picture is ambiguous. */
  background?: 'auto' | 'dark' | 'light';
}
