// Looking inside a trained network: its answer, the activation maps of its convolution and
// pooling layers for one image, and the first convolution's filters (TensorFlow.js).
export { argMax, predictImages, type ClassProbabilities } from './probabilities';
export {
  DEFAULT_MAX_CHANNELS,
  MAP_LAYER_CLASSES,
  layerActivations,
  mapLayers,
  type ActivationResult,
  type LayerMaps,
} from './maps';
export { DEFAULT_MAX_FILTERS, firstConvFilters, type FilterWeights } from './filters';
export { imageBatch, inputSize, type InputSize } from './input';
