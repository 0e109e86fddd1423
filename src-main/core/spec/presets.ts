// The eight models of the notMNIST Keras notebook (docs: the notebook's model cells), in its
// order, layer for layer: the same layer types, filters/units, 3x3 kernels, padding and
// activations, the notebook's optimizer (SGD for logistic regression, Adam otherwise), its epochs
// (20 for the MLP, 10 for the rest) and batch size 128 with Keras's default learning rates.
// Keras's model.summary() totals (trainable in brackets): 7,850; 101,770; 125,610; 27,210;
// 21,498; 49,850; 50,042 (49,946); 71,354 (71,258). The output Dense(10, softmax) every notebook
// model ends with is not listed here: the app always appends it (contract/spec.ts).

import type { Activation, LayerSpec, ModelSpec, OptimizerName, Padding } from '../../contract/spec';
import { DEFAULT_BATCH_SIZE, DEFAULT_EPOCHS, DEFAULT_LEARNING_RATE } from './defaults';

export interface Preset {
  id: string;
  name: string;
  description: string;
  spec: ModelSpec;
  /** The name and description in Polish. */
  pl: { name: string; description: string };
}

/** Conv2D(filters, (3, 3), activation='relu'), Keras's 'valid' padding unless told. */
const conv = (filters: number, padding: Padding = 'valid'): LayerSpec => ({
  type: 'conv2d',
  filters,
  kernelSize: 3,
  strides: 1,
  padding,
  activation: 'relu',
});
/** MaxPool2D(): Keras's defaults, a 2x2 window moving by 2. */
const maxPool: LayerSpec = { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' };
const flatten: LayerSpec = { type: 'flatten' };
const dense = (units: number, activation: Activation = 'relu'): LayerSpec => ({
  type: 'dense',
  units,
  activation,
});
const dropout: LayerSpec = { type: 'dropout', rate: 0.5 };
const batchNorm: LayerSpec = { type: 'batchNormalization' };
const globalMaxPool: LayerSpec = { type: 'globalMaxPool2d' };

/** The notebook's "typical ConvNet": two blocks of two convolutions, each ending in MaxPool2D. */
const typicalConvNet = [conv(16), conv(16), maxPool, conv(32), conv(32), maxPool];
/** The same blocks with BatchNormalization after the first convolution of each block. */
const typicalConvNetWithBatchNorm = [
  conv(16),
  batchNorm,
  conv(16),
  maxPool,
  conv(32),
  batchNorm,
  conv(32),
  maxPool,
];

function model(
  name: string,
  layers: LayerSpec[],
  optimizer: OptimizerName = 'adam',
  epochs = DEFAULT_EPOCHS,
): ModelSpec {
  return {
    version: 1,
    name,
    input: { height: 28, width: 28, channels: 1 },
    layers: layers.map((layer) => ({ ...layer })),
    classes: 10,
    compile: {
      optimizer,
      learningRate: DEFAULT_LEARNING_RATE[optimizer],
      epochs,
      batchSize: DEFAULT_BATCH_SIZE,
    },
  };
}

function preset(
  id: string,
  en: [name: string, description: string],
  pl: [name: string, description: string],
  spec: ModelSpec,
): Preset {
  return { id, name: en[0], description: en[1], spec, pl: { name: pl[0], description: pl[1] } };
}

export const PRESETS: Preset[] = [
  preset(
    'logistic-regression',
    [
      'Logistic regression',
      'The simplest model: the 28x28 picture becomes a row of 784 numbers, and a single Dense layer gives each pixel its own weight for each letter. It learns with plain SGD.',
    ],
    [
      'Regresja logistyczna',
      'Najprostszy model: obrazek 28x28 staje się rzędem 784 liczb, a jedna warstwa Dense daje każdemu pikselowi osobną wagę dla każdej litery. Uczy się zwykłym SGD.',
    ],
    model('Logistic regression', [flatten], 'sgd'),
  ),
  preset(
    'mlp',
    [
      'Multilayer perceptron (MLP)',
      'An old-style network of Dense layers only: 128 hidden neurons with the tanh activation sit between the pixels and the answer. It learns with Adam for 20 epochs.',
    ],
    [
      'Perceptron wielowarstwowy (MLP)',
      'Sieć w starym stylu, same warstwy Dense: między pikselami a odpowiedzią jest 128 ukrytych neuronów z aktywacją tanh. Uczy się Adamem przez 20 epok.',
    ],
    model('Multilayer perceptron (MLP)', [flatten, dense(128, 'tanh')], 'adam', 20),
  ),
  preset(
    'conv',
    [
      'Convolution',
      '16 small 3x3 filters slide over the picture looking for strokes and corners. Padding "same" keeps their maps 28x28, so the answer layer gets many numbers and many weights.',
    ],
    [
      'Konwolucja',
      '16 małych filtrów 3x3 przesuwa się po obrazku i szuka kresek i rogów. Dopełnienie „same” zostawia ich mapy w rozmiarze 28x28, więc warstwa odpowiedzi dostaje dużo liczb i ma dużo wag.',
    ],
    model('Convolution', [conv(16, 'same'), flatten]),
  ),
  preset(
    'conv-maxpool',
    [
      'Convolution + MaxPool',
      'One convolution without padding, then MaxPool2D keeps the strongest signal of each 2x2 square: the maps shrink to 13x13, and the answer layer needs four times fewer weights.',
    ],
    [
      'Konwolucja + MaxPool',
      'Jedna konwolucja bez dopełnienia, a po niej MaxPool2D zostawia najsilniejszy sygnał z każdego kwadratu 2x2: mapy maleją do 13x13, a warstwa odpowiedzi potrzebuje cztery razy mniej wag.',
    ],
    model('Convolution + MaxPool', [conv(16), maxPool, flatten]),
  ),
  preset(
    'typical-convnet',
    [
      'Typical ConvNet',
      'Two blocks of two convolutions, each block closed by max pooling: the first filters find simple strokes, the later ones find shapes built from those strokes.',
    ],
    [
      'Typowa sieć konwolucyjna',
      'Dwa bloki po dwie konwolucje, każdy zamknięty max poolingiem: pierwsze filtry znajdują proste kreski, kolejne kształty zbudowane z tych kresek.',
    ],
    model('Typical ConvNet', [...typicalConvNet, flatten]),
  ),
  preset(
    'convnet-dense-dropout',
    [
      'Typical ConvNet + dense + dropout',
      'The typical ConvNet with a hidden Dense layer of 64 neurons. While it learns, Dropout switches a random half of them off, so the network cannot lean on any single one.',
    ],
    [
      'Typowa sieć konwolucyjna + dense + dropout',
      'Typowa sieć konwolucyjna z ukrytą warstwą Dense o 64 neuronach. Podczas nauki Dropout wyłącza losowo połowę z nich, więc sieć nie może polegać na żadnym jednym.',
    ],
    model('Typical ConvNet + dense + dropout', [...typicalConvNet, flatten, dense(64), dropout]),
  ),
  preset(
    'batchnorm',
    [
      'Batch normalization',
      'The previous network with BatchNormalization after the first convolution of each block: it brings the numbers back to a steady range, which often speeds learning up.',
    ],
    [
      'Normalizacja wsadowa',
      'Poprzednia sieć z BatchNormalization po pierwszej konwolucji każdego bloku: sprowadza liczby z powrotem do stałego zakresu, co często przyspiesza naukę.',
    ],
    model('Batch normalization', [...typicalConvNetWithBatchNorm, flatten, dense(64), dropout]),
  ),
  preset(
    'fully-convolutional',
    [
      'Fully convolutional',
      'No Flatten: after the convolution blocks comes one more convolution with 128 filters, and GlobalMaxPool2D keeps the strongest signal of each filter wherever it was in the picture. Then a Dense layer of 128 neurons, with Dropout before and after it.',
    ],
    [
      'Sieć w pełni konwolucyjna',
      'Bez Flatten: po blokach konwolucji jest jeszcze jedna konwolucja ze 128 filtrami, a GlobalMaxPool2D zostawia najsilniejszy sygnał każdego filtra, gdziekolwiek był na obrazku. Dalej warstwa Dense ze 128 neuronami, z Dropout przed nią i po niej.',
    ],
    model('Fully convolutional', [
      ...typicalConvNetWithBatchNorm,
      conv(128),
      globalMaxPool,
      dropout,
      dense(128),
      dropout,
    ]),
  ),
];
