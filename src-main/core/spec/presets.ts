// The eight models of the notMNIST Keras notebook, in its order.
//
// Reconstructed: the notebook's model cells could not be read, so the layers are rebuilt from
// its model names and from one known number: "typical ConvNet + dense + dropout" has 49,850
// parameters in Keras, which Conv2D(16)-Conv2D(16)-MaxPool-Conv2D(32)-Conv2D(32)-MaxPool-
// Flatten-Dense(64)-Dropout(0.5)-Dense(10) gives exactly (all 3x3 'valid' convolutions).
// Training settings follow the notebook: SGD for logistic regression, Adam otherwise, 10 epochs
// (20 for the MLP), batch size 128, Keras's default learning rates.

import type { LayerSpec, ModelSpec, OptimizerName } from '../../contract/spec';
import { DEFAULT_BATCH_SIZE, DEFAULT_EPOCHS, DEFAULT_LEARNING_RATE } from './defaults';

export interface Preset {
  id: string;
  name: string;
  description: string;
  spec: ModelSpec;
  /** The name and description in Polish. */
  pl: { name: string; description: string };
}

const conv = (filters: number): LayerSpec => ({
  type: 'conv2d',
  filters,
  kernelSize: 3,
  strides: 1,
  padding: 'valid',
  activation: 'relu',
});
const maxPool: LayerSpec = { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' };
const flatten: LayerSpec = { type: 'flatten' };
const dense = (units: number): LayerSpec => ({ type: 'dense', units, activation: 'relu' });
const dropout: LayerSpec = { type: 'dropout', rate: 0.5 };
const batchNorm: LayerSpec = { type: 'batchNormalization' };
const globalMaxPool: LayerSpec = { type: 'globalMaxPool2d' };

const typicalConvNet = [conv(16), conv(16), maxPool, conv(32), conv(32), maxPool];

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
      'The simplest model: unroll the 28x28 picture into 784 numbers and let one Dense layer weigh every pixel for every letter. Trained with plain SGD.',
    ],
    [
      'Regresja logistyczna',
      'Najprostszy model: rozwijamy obrazek 28x28 w 784 liczby, a jedna warstwa Dense waży każdy piksel osobno dla każdej litery. Uczy się zwykłym SGD.',
    ],
    model('Logistic regression', [flatten], 'sgd'),
  ),
  preset(
    'mlp',
    [
      'Multilayer perceptron',
      'One hidden Dense layer of 128 neurons with relu between the pixels and the answer. Trained for 20 epochs.',
    ],
    [
      'Perceptron wielowarstwowy',
      'Jedna ukryta warstwa Dense ze 128 neuronami i aktywacją relu między pikselami a odpowiedzią. Uczy się przez 20 epok.',
    ],
    model('Multilayer perceptron', [flatten, dense(128)], 'adam', 20),
  ),
  preset(
    'conv',
    [
      'Convolutional network',
      '16 small 3x3 filters slide over the picture and look for strokes and corners; their maps are then unrolled into a list for the answer.',
    ],
    [
      'Sieć konwolucyjna',
      '16 małych filtrów 3x3 przesuwa się po obrazku i szuka kresek i rogów; ich mapy są potem rozwijane w listę dla odpowiedzi.',
    ],
    model('Convolutional network', [conv(16), flatten]),
  ),
  preset(
    'conv-maxpool',
    [
      'Convolution + max pooling',
      'The same convolution, then MaxPool2D keeps the strongest signal of every 2x2 square: the picture gets 4 times smaller, and so does the answer layer.',
    ],
    [
      'Konwolucja + max pooling',
      'Ta sama konwolucja, a potem MaxPool2D zostawia najsilniejszy sygnał z każdego kwadratu 2x2: obrazek robi się 4 razy mniejszy, a warstwa odpowiedzi też.',
    ],
    model('Convolution + max pooling', [conv(16), maxPool, flatten]),
  ),
  preset(
    'typical-convnet',
    [
      'Typical ConvNet',
      'Two blocks of two convolutions, each block followed by max pooling: the first filters find simple strokes, the later ones find shapes made of strokes.',
    ],
    [
      'Typowa sieć konwolucyjna',
      'Dwa bloki po dwie konwolucje, po każdym bloku max pooling: pierwsze filtry znajdują proste kreski, a kolejne kształty złożone z kresek.',
    ],
    model('Typical ConvNet', [...typicalConvNet, flatten]),
  ),
  preset(
    'convnet-dense-dropout',
    [
      'Typical ConvNet + dense + dropout',
      'The typical ConvNet with a hidden Dense layer of 64 neurons; Dropout switches half of them off at random while learning, so the network cannot rely on any single one.',
    ],
    [
      'Typowa sieć konwolucyjna + dense + dropout',
      'Typowa sieć konwolucyjna z ukrytą warstwą Dense o 64 neuronach; Dropout podczas nauki losowo wyłącza połowę z nich, więc sieć nie może polegać na żadnym pojedynczym.',
    ],
    model('Typical ConvNet + dense + dropout', [...typicalConvNet, flatten, dense(64), dropout]),
  ),
  preset(
    'batchnorm',
    [
      'Batch normalization',
      'The same network with BatchNormalization after every convolution: it keeps the numbers in a steady range, which often makes learning faster.',
    ],
    [
      'Normalizacja wsadowa',
      'Ta sama sieć z BatchNormalization po każdej konwolucji: trzyma liczby w stałym zakresie, dzięki czemu nauka często idzie szybciej.',
    ],
    model('Batch normalization', [
      conv(16),
      batchNorm,
      conv(16),
      batchNorm,
      maxPool,
      conv(32),
      batchNorm,
      conv(32),
      batchNorm,
      maxPool,
      flatten,
      dense(64),
      dropout,
    ]),
  ),
  preset(
    'fully-convolutional',
    [
      'Fully convolutional',
      'No Flatten and no hidden Dense: a last convolution with 64 filters, then GlobalMaxPool2D keeps only the strongest signal of each filter, wherever in the picture it was.',
    ],
    [
      'Sieć w pełni konwolucyjna',
      'Bez Flatten i bez ukrytego Dense: ostatnia konwolucja z 64 filtrami, a potem GlobalMaxPool2D zostawia tylko najsilniejszy sygnał każdego filtra, gdziekolwiek na obrazku był.',
    ],
    model('Fully convolutional', [...typicalConvNet, conv(64), globalMaxPool]),
  ),
];
