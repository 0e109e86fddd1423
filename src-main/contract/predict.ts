// The Predict tab: the network's guesses for test letters and drawn letters, and a look inside
// (activation maps, first-layer filters). Types only.
import type { LetterImage } from './dataset';

/** The network predictions use right now (see host/model-cache). */
export interface PredictModelInfo {
  name: string;
  /** The current training run's autosave, or a saved model the camper loaded. */
  source: 'run' | 'saved';
  /** Epochs it was trained for. */
  epochs: number;
  /** Test-split accuracy of its weights, 0..1, or null when never measured. */
  accuracy: number | null;
  classNames: string[];
  /** The picture size it takes (notMNIST: 28x28). */
  input: { height: number; width: number };
  /** Names of the convolution and pooling layers whose maps can be shown, in order. */
  mapLayers: string[];
  /** Whether it has a Conv2D layer (filters to show). */
  hasConv: boolean;
  /**
   * Whether it was trained on the open letters with the same split, so the "test letters" really
   * are letters it never learned from; null when no letters are open or the model does not say.
   */
  sameSplit: boolean | null;
}

/** The network's answer for one picture. */
export interface Prediction {
  /** One per class, summing to 1. */
  probabilities: number[];
  /** Index of the largest probability. */
  predicted: number;
}

export interface PredictedLetter extends Prediction {
  image: LetterImage;
}

/** Grey levels 0..255 (ink = 255), row-major, the network's input size. */
export interface PixelsRequest {
  pixels: number[];
}

export interface SamplesRequest {
  count: number;
  seed: number;
}

export interface SamplesResponse {
  letters: PredictedLetter[];
  classNames: string[];
  sameSplit: boolean | null;
  /** True when the network was saved before Letter Lab used the notebook's split. */
  oldSplit?: boolean;
  /** How many test letters there are to pick from. */
  testCount: number;
}

/** One convolution or pooling layer's activation maps for one picture. */
export interface ActivationLayerView {
  name: string;
  /** Keras class name: Conv2D, MaxPooling2D, AveragePooling2D. */
  className: string;
  height: number;
  width: number;
  channels: number;
  /** How many maps are in `maps` (the first channels; big layers are cut short). */
  shown: number;
  /**
   * Base64 of shown x height x width bytes: map after map, row-major, each map scaled on its own
   * so its smallest value is 0 and its largest 255 (a flat map is all 0).
   */
  maps: string;
  /** The raw [min, max] of every shown map, rounded to 4 significant digits. */
  ranges: [number, number][];
}

/** The first Conv2D layer's learned kernels. */
export interface FilterView {
  layerName: string;
  kernelHeight: number;
  kernelWidth: number;
  inChannels: number;
  filters: number;
  shown: number;
  /** shown x inChannels x kernelHeight x kernelWidth weights, rounded to 4 decimals. */
  weights: number[];
  /** The largest |weight| shown, for a colour scale centred on 0. */
  absMax: number;
}

export type ActivationsRequest = PixelsRequest | { index: number };

export interface ActivationsResponse extends Prediction {
  /** The picture that went in: grey levels 0..255 (ink = 255). */
  input: number[];
  /** The letter's true class when it came from the test letters, else null. */
  label: number | null;
  layers: ActivationLayerView[];
  filters: FilterView | null;
}

export interface PredictInvoke {
  /** The network predictions use; null when there is none yet (nothing trained or loaded). */
  'predict:model': { request: void; response: PredictModelInfo | null };
  /** The network's answer for a drawn (preprocessed) picture. */
  'predict:pixels': { request: PixelsRequest; response: Prediction };
  /** `count` random letters of the open set's test split with the network's answers. */
  'predict:samples': { request: SamplesRequest; response: SamplesResponse };
  /** Activation maps and first-layer filters for a drawn picture or a test letter. */
  'predict:activations': { request: ActivationsRequest; response: ActivationsResponse };
}
