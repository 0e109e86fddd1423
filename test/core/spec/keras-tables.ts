// The eight models of the notebook (docs/notebook.md, its model cells) as Keras 2.1.4 builds them
// for a 28x28x1 input: every layer with its configuration and what model.summary() prints for it.
// Written out by hand from the notebook's code and Keras's documented rules, not from our code:
//   Conv2D 3x3, strides 1: 'valid' out = in - 2, 'same' out = in; params = 3*3*inChannels*filters
//     + filters (kernel + bias)
//   MaxPool2D(): pool_size (2, 2), strides = pool_size, 'valid': out = floor(in / 2); no params
//   GlobalMaxPool2D: (h, w, c) -> (c,); Flatten: h*w*c; Dropout: same shape; no params
//   Dense: params = inputs*units + units
//   BatchNormalization (axis -1): 4 per channel; gamma and beta trainable, moving mean and moving
//     variance non-trainable
// The totals are the (Keras's) numbers: 7,850; 101,770; 125,610; 27,210; 21,498; 49,850;
// 50,042 (49,946 trainable); 71,354 (71,258 trainable).

export interface KerasLayer {
  /** Keras 2 auto-name in a fresh session. */
  name: string;
  /** Keras class, as the notebook imports it. */
  cls:
    | 'Flatten'
    | 'Dense'
    | 'Conv2D'
    | 'MaxPool2D'
    | 'Dropout'
    | 'BatchNormalization'
    | 'GlobalMaxPool2D';
  /** The constructor arguments that matter, Keras defaults filled in. */
  config: Record<string, string | number>;
  outputShape: (number | null)[];
  params: number;
  trainable: number;
  nonTrainable: number;
}

export interface KerasModel {
  optimizer: 'sgd' | 'adam';
  epochs: number;
  batchSize: number;
  layers: KerasLayer[];
  total: number;
  trainable: number;
  nonTrainable: number;
}

const plain = (
  name: string,
  cls: KerasLayer['cls'],
  config: KerasLayer['config'],
  outputShape: KerasLayer['outputShape'],
  params = 0,
): KerasLayer => ({ name, cls, config, outputShape, params, trainable: params, nonTrainable: 0 });

const conv = (
  n: number,
  filters: number,
  inChannels: number,
  side: number,
  padding: 'valid' | 'same' = 'valid',
): KerasLayer =>
  plain(
    `conv2d_${n}`,
    'Conv2D',
    { filters, kernel: 3, strides: 1, padding, activation: 'relu' },
    [null, side, side, filters],
    3 * 3 * inChannels * filters + filters,
  );
const pool = (n: number, side: number, channels: number): KerasLayer =>
  plain(`max_pooling2d_${n}`, 'MaxPool2D', { pool: 2, strides: 2, padding: 'valid' }, [
    null,
    side,
    side,
    channels,
  ]);
const flatten = (size: number): KerasLayer => plain('flatten_1', 'Flatten', {}, [null, size]);
const dense = (n: number, units: number, inputs: number, activation: string): KerasLayer =>
  plain(`dense_${n}`, 'Dense', { units, activation }, [null, units], inputs * units + units);
const dropout = (n: number, size: number): KerasLayer =>
  plain(`dropout_${n}`, 'Dropout', { rate: 0.5 }, [null, size]);
const batchNorm = (n: number, side: number, channels: number): KerasLayer => ({
  name: `batch_normalization_${n}`,
  cls: 'BatchNormalization',
  config: {},
  outputShape: [null, side, side, channels],
  params: 4 * channels,
  trainable: 2 * channels,
  nonTrainable: 2 * channels,
});

/** C16, C16, MP, C32, C32, MP: 28 -> 26 -> 24 -> 12 -> 10 -> 8 -> 4. */
const typicalConvNet = (): KerasLayer[] => [
  conv(1, 16, 1, 26),
  conv(2, 16, 16, 24),
  pool(1, 12, 16),
  conv(3, 32, 16, 10),
  conv(4, 32, 32, 8),
  pool(2, 4, 32),
];
/** The same with BatchNormalization after conv2d_1 and conv2d_3 (the notebook's two BN cells). */
const withBatchNorm = (): KerasLayer[] => [
  conv(1, 16, 1, 26),
  batchNorm(1, 26, 16),
  conv(2, 16, 16, 24),
  pool(1, 12, 16),
  conv(3, 32, 16, 10),
  batchNorm(2, 10, 32),
  conv(4, 32, 32, 8),
  pool(2, 4, 32),
];

function keras(
  optimizer: KerasModel['optimizer'],
  epochs: number,
  layers: KerasLayer[],
  totals: [total: number, trainable: number],
): KerasModel {
  return {
    optimizer,
    epochs,
    batchSize: 128,
    layers,
    total: totals[0],
    trainable: totals[1],
    nonTrainable: totals[0] - totals[1],
  };
}

export const KERAS_MODELS: Record<string, KerasModel> = {
  'logistic-regression': keras(
    'sgd',
    10,
    [flatten(784), dense(1, 10, 784, 'softmax')],
    [7_850, 7_850],
  ),
  mlp: keras(
    'adam',
    20,
    [flatten(784), dense(1, 128, 784, 'tanh'), dense(2, 10, 128, 'softmax')],
    [101_770, 101_770],
  ),
  conv: keras(
    'adam',
    10,
    [conv(1, 16, 1, 28, 'same'), flatten(28 * 28 * 16), dense(1, 10, 12_544, 'softmax')],
    [125_610, 125_610],
  ),
  'conv-maxpool': keras(
    'adam',
    10,
    [conv(1, 16, 1, 26), pool(1, 13, 16), flatten(13 * 13 * 16), dense(1, 10, 2_704, 'softmax')],
    [27_210, 27_210],
  ),
  'typical-convnet': keras(
    'adam',
    10,
    [...typicalConvNet(), flatten(512), dense(1, 10, 512, 'softmax')],
    [21_498, 21_498],
  ),
  'convnet-dense-dropout': keras(
    'adam',
    10,
    [
      ...typicalConvNet(),
      flatten(512),
      dense(1, 64, 512, 'relu'),
      dropout(1, 64),
      dense(2, 10, 64, 'softmax'),
    ],
    [49_850, 49_850],
  ),
  batchnorm: keras(
    'adam',
    10,
    [
      ...withBatchNorm(),
      flatten(512),
      dense(1, 64, 512, 'relu'),
      dropout(1, 64),
      dense(2, 10, 64, 'softmax'),
    ],
    [50_042, 49_946],
  ),
  'fully-convolutional': keras(
    'adam',
    10,
    [
      ...withBatchNorm(),
      conv(5, 128, 32, 2),
      plain('global_max_pooling2d_1', 'GlobalMaxPool2D', {}, [null, 128]),
      dropout(1, 128),
      dense(1, 128, 128, 'relu'),
      dropout(2, 128),
      dense(2, 10, 128, 'softmax'),
    ],
    [71_354, 71_258],
  ),
};
