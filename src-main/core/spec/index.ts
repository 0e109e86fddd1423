// The pure model-spec logic shared by the main process, the CLI and the renderer.
// No Node.js, no TensorFlow.js: only TypeScript over the types in src-main/contract/spec.

export { summaryText } from './ascii';
export {
  DEFAULT_BATCH_SIZE,
  DEFAULT_COMPILE,
  DEFAULT_EPOCHS,
  DEFAULT_LEARNING_RATE,
  defaultLayer,
} from './defaults';
export { diffSpecs, type SpecChange } from './diff';
export {
  ACTIVATION_EXPLANATIONS,
  LAYER_EXPLANATIONS,
  explainLayer,
  type BlockText,
} from './explain';
export { MODEL_LEVEL, applyFix, fixLabel, insertFix, removeFix, setFix } from './fixes';
export { LAYER_FIELDS, LAYER_TYPES } from './layer-types';
export {
  KERAS_CLASS_NAME,
  KERAS_NAME_PREFIX,
  LAYER_DISPLAY_NAME,
  kerasLayerNames,
  layerNotation,
} from './layer-label';
export {
  formatNumber,
  formatSpecMessage,
  specMessages,
  type SpecLang,
  type SpecMessageKey,
} from './messages';
export { SPEC_LIMITS, parseSpec, parseSpecText } from './parse';
export { PRESETS, type Preset } from './presets';
export {
  summarize,
  traceShapes,
  windowOutput,
  type LayerTrace,
  type ModelTrace,
  type ShapeIssue,
} from './shapes';
export { SpecError } from './spec-error';
export { RUNTIME_BYTES, trainingMemory, type MemoryEstimate } from './memory';
export { ACTIVATIONS, OPTIMIZERS, PARAMS_WARNING_LIMIT, validateSpec } from './validate';
