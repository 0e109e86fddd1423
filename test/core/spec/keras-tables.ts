// model.summary() of the eight notebook models as Keras prints them (28x28x1 input, 10 classes),
// written out by hand from Keras's rules:
//   Conv2D 3x3 'valid': out = in - 2, params = 3*3*inChannels*filters + filters
//   MaxPool2D(2): out = floor(in / 2), no params
//   Dense: params = inputs*units + units
//   BatchNormalization: 4 per channel (gamma, beta trainable; moving mean/variance not)
// "Typical ConvNet + dense + dropout" totals 49,850, the number the notebook reports.

export type Row = [name: string, shape: (number | null)[], params: number];

export interface KerasTable {
  rows: Row[];
  total: number;
  trainable: number;
  nonTrainable: number;
}

const typicalConvRows: Row[] = [
  ['conv2d_1', [null, 26, 26, 16], 160],
  ['conv2d_2', [null, 24, 24, 16], 2320],
  ['max_pooling2d_1', [null, 12, 12, 16], 0],
  ['conv2d_3', [null, 10, 10, 32], 4640],
  ['conv2d_4', [null, 8, 8, 32], 9248],
  ['max_pooling2d_2', [null, 4, 4, 32], 0],
];

const plain = (rows: Row[], total: number): KerasTable => ({
  rows,
  total,
  trainable: total,
  nonTrainable: 0,
});

export const KERAS_TABLES: Record<string, KerasTable> = {
  'logistic-regression': plain(
    [
      ['flatten_1', [null, 784], 0],
      ['dense_1', [null, 10], 7850],
    ],
    7850,
  ),
  mlp: plain(
    [
      ['flatten_1', [null, 784], 0],
      ['dense_1', [null, 128], 100480],
      ['dense_2', [null, 10], 1290],
    ],
    101770,
  ),
  conv: plain(
    [
      ['conv2d_1', [null, 26, 26, 16], 160],
      ['flatten_1', [null, 10816], 0],
      ['dense_1', [null, 10], 108170],
    ],
    108330,
  ),
  'conv-maxpool': plain(
    [
      ['conv2d_1', [null, 26, 26, 16], 160],
      ['max_pooling2d_1', [null, 13, 13, 16], 0],
      ['flatten_1', [null, 2704], 0],
      ['dense_1', [null, 10], 27050],
    ],
    27210,
  ),
  'typical-convnet': plain(
    [...typicalConvRows, ['flatten_1', [null, 512], 0], ['dense_1', [null, 10], 5130]],
    21498,
  ),
  'convnet-dense-dropout': plain(
    [
      ...typicalConvRows,
      ['flatten_1', [null, 512], 0],
      ['dense_1', [null, 64], 32832],
      ['dropout_1', [null, 64], 0],
      ['dense_2', [null, 10], 650],
    ],
    49850,
  ),
  batchnorm: {
    rows: [
      ['conv2d_1', [null, 26, 26, 16], 160],
      ['batch_normalization_1', [null, 26, 26, 16], 64],
      ['conv2d_2', [null, 24, 24, 16], 2320],
      ['batch_normalization_2', [null, 24, 24, 16], 64],
      ['max_pooling2d_1', [null, 12, 12, 16], 0],
      ['conv2d_3', [null, 10, 10, 32], 4640],
      ['batch_normalization_3', [null, 10, 10, 32], 128],
      ['conv2d_4', [null, 8, 8, 32], 9248],
      ['batch_normalization_4', [null, 8, 8, 32], 128],
      ['max_pooling2d_2', [null, 4, 4, 32], 0],
      ['flatten_1', [null, 512], 0],
      ['dense_1', [null, 64], 32832],
      ['dropout_1', [null, 64], 0],
      ['dense_2', [null, 10], 650],
    ],
    total: 50234,
    trainable: 50042,
    nonTrainable: 192,
  },
  'fully-convolutional': plain(
    [
      ...typicalConvRows,
      ['conv2d_5', [null, 2, 2, 64], 18496],
      ['global_max_pooling2d_1', [null, 64], 0],
      ['dense_1', [null, 10], 650],
    ],
    35514,
  ),
};
