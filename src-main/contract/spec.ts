// The versioned model spec: what the builder edits, what presets are, what gets trained and saved.
// Types only. The pure logic over these types lives in src-main/core/spec.

export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'softmax' | 'linear';
export type Padding = 'valid' | 'same';
export type OptimizerName = 'sgd' | 'adam' | 'rmsprop';

export interface Conv2DSpec {
  type: 'conv2d';
  filters: number;
  /** Square kernel: 3 means 3x3. */
  kernelSize: number;
  strides: 1 | 2;
  padding: Padding;
  activation: Activation;
}
export interface Pool2DSpec {
  type: 'maxPool2d' | 'averagePool2d';
  /** Square window: 2 means 2x2. */
  poolSize: number;
  /** Defaults to poolSize, as in Keras. */
  strides: number;
  padding: Padding;
}
export interface FlattenSpec {
  type: 'flatten';
}
export interface DenseSpec {
  type: 'dense';
  units: number;
  activation: Activation;
}
export interface DropoutSpec {
  type: 'dropout';
  rate: number;
}
export interface BatchNormSpec {
  type: 'batchNormalization';
}
export interface GlobalPoolSpec {
  type: 'globalMaxPool2d' | 'globalAveragePool2d';
}
export interface ActivationSpec {
  type: 'activation';
  activation: Activation;
}

export type LayerSpec =
  | Conv2DSpec
  | Pool2DSpec
  | FlattenSpec
  | DenseSpec
  | DropoutSpec
  | BatchNormSpec
  | GlobalPoolSpec
  | ActivationSpec;

export type LayerType = LayerSpec['type'];

export interface InputSpec {
  height: number;
  width: number;
  channels: number;
}

export interface CompileSpec {
  optimizer: OptimizerName;
  learningRate: number;
  epochs: number;
  batchSize: number;
}

export interface ModelSpec {
  /** Format version of this JSON; bump on incompatible changes. */
  version: 1;
  name: string;
  input: InputSpec;
  /** The hidden layers the camper builds. */
  layers: LayerSpec[];
  /** The output Dense(classes, softmax) is always appended by the app and not listed in `layers`. */
  classes: number;
  compile: CompileSpec;
}

/** Keras-style shape: null is the batch dimension. */
export type Shape = (number | null)[];

export interface LayerSummary {
  /** Keras-like name, e.g. "conv2d_1", "dense_2". */
  name: string;
  type: LayerType | 'output';
  /** null when the shape cannot be worked out (this layer or one before it has a problem). */
  outputShape: Shape | null;
  params: number;
  trainable: number;
  nonTrainable: number;
  /** Share of all parameters, 0..1. */
  share: number;
  macs: number;
}

export interface ModelSummary {
  input: Shape;
  layers: LayerSummary[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
  macsPerImage: number;
}

export type Severity = 'error' | 'warning';

/** A fix the builder can apply with one click. */
export type SpecFix =
  | { kind: 'insert'; at: number; layer: LayerSpec; label: string }
  | { kind: 'remove'; at: number; label: string }
  | { kind: 'set'; at: number; field: string; value: number | string; label: string };

export interface SpecProblem {
  severity: Severity;
  /** 0-based index into spec.layers, or null for the whole model. */
  layer: number | null;
  code: string;
  /** i18n key and params for the message; `message` is the English text. */
  messageKey: string;
  params: Record<string, string | number>;
  message: string;
  fixes: SpecFix[];
}
