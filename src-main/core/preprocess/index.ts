// The shared preprocessing of drawn and loaded letters. Pure TypeScript (no Node.js, no DOM,
// no TensorFlow.js): the renderer imports it too.
export {
  MIN_GLYPH_PIXELS,
  MIN_GLYPH_SHARE,
  NETWORK_SIZE,
  minimumGlyph,
  preprocessGray,
  preprocessRGBA,
  toGreyLevels,
} from './preprocess';
export { grayFromRGBA } from './gray';
export {
  BOX_THRESHOLD,
  MIN_CONTRAST,
  inkBox,
  toInk,
  type BackgroundChoice,
  type InkImage,
} from './ink';
export { fitBox } from './fit';
export type {
  Box,
  GrayImage,
  PreparedImage,
  PreprocessOptions,
  PreprocessOutcome,
  PreprocessProblem,
} from './types';
