// The README.md written next to an exported model.py.

import type { ModelSpec } from '../../contract/spec';
import type { DatasetRef } from '../../contract/training';
import { SPLIT_METHOD } from '../dataset/split';
import {
  DATASET_FILE_NAME,
  OPTIMIZER_CLASS,
  WEIGHTS_FILE_NAME,
  scriptLayerRows,
  scriptSplit,
} from './keras-script';

function shapeText(shape: (number | null)[]): string {
  return `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')}${shape.length === 1 ? ',' : ''})`;
}

/** Markdown table cell text: no pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
}

/** What the README says about the accuracy model.py prints for the exported weights. */
function accuracyNote(trainedOn: DatasetRef | null | undefined): string[] {
  const { seed, testFraction } = scriptSplit(trainedOn);
  const split = `\`train_test_split(..., test_size=${testFraction}, random_state=${seed})\``;
  if (trainedOn?.split === SPLIT_METHOD) {
    return [
      `and prints the test accuracy before it trains further. It splits with ${split},`,
      'the same split Letter Lab trained these weights with, so the test letters are',
      'letters they never learned from. Without',
    ];
  }
  return [
    `and prints the test accuracy before it trains further, splitting with ${split}.`,
    !trainedOn
      ? 'Letter Lab does not know which letters these weights learned from, so some test letters'
      : trainedOn.split === 'mixed'
        ? 'These weights learned from more than one split in Letter Lab, so some test letters'
        : 'These weights were trained before Letter Lab used the notebook’s split, so many test letters',
    `${trainedOn ? 'were' : 'may have been'} training letters for them and that first accuracy may look better than it is. Without`,
  ];
}

export function exportReadme(
  spec: ModelSpec,
  hasWeights: boolean,
  trainedOn?: DatasetRef | null,
): string {
  const rows = scriptLayerRows(spec);
  const total = rows.reduce((n, r) => n + r.params, 0);
  const title = cell(spec.name.trim()) || 'My model';
  const files = [
    '| file | what it is |',
    '| --- | --- |',
    '| `model.py` | the network as a Keras script: build, compile, load the data, train |',
    ...(hasWeights
      ? [
          `| \`${WEIGHTS_FILE_NAME}\` | the weights you trained in Letter Lab (NumPy arrays \`arr_0\`, \`arr_1\`, ... in Keras \`get_weights()\` order) |`,
        ]
      : []),
    '| `README.md` | this file |',
  ];
  const layers = [
    '| layer | output shape | parameters |',
    '| --- | --- | ---: |',
    ...rows.map(
      (r) => `| ${r.name} | ${shapeText(r.outputShape)} | ${r.params.toLocaleString('en-US')} |`,
    ),
    `| **total** | | **${total.toLocaleString('en-US')}** |`,
  ];
  const weightsNote = hasWeights
    ? [
        '## The weights',
        '',
        `\`${WEIGHTS_FILE_NAME}\` is a NumPy archive with one float32 array per weight,`,
        '`arr_0`, `arr_1`, ... in the order of Keras `model.get_weights()`: for each layer',
        'in turn its kernel and then its bias (batch normalization: gamma, beta, moving',
        'mean, moving variance). `model.py` loads them with',
        '',
        '```python',
        `weights = np.load('${WEIGHTS_FILE_NAME}')`,
        "model.set_weights([weights[f'arr_{i}'] for i in range(len(weights.files))])",
        '```',
        '',
        ...accuracyNote(trainedOn),
        `\`${WEIGHTS_FILE_NAME}\` the script trains from scratch.`,
        '',
      ]
    : [];
  return [
    `# ${title}`,
    '',
    'Exported from Letter Lab: the network you built, as a Keras script you can run',
    "on your own computer or in Google Colab. It follows Piotr Migdał's notMNIST Keras",
    'intro: a `Sequential` model, `model.add(...)` per layer, `model.fit(...)`.',
    '',
    ...files,
    '',
    '## Run it on your computer',
    '',
    '1. Install Python 3.9 or newer, then the libraries:',
    '',
    '   ```sh',
    '   pip install tensorflow scipy scikit-learn numpy',
    '   ```',
    '',
    `2. Put \`${DATASET_FILE_NAME}\` (the notMNIST letters, about 112 MB) in this folder,`,
    '   next to `model.py`.',
    '3. Run:',
    '',
    '   ```sh',
    '   python model.py',
    '   ```',
    '',
    '   It prints the model summary, then trains and shows loss and accuracy for each',
    `   epoch on the training data and on the ${Math.round(100 * scriptSplit(trainedOn).testFraction)}% held out for testing.`,
    '',
    '## Run it in Google Colab',
    '',
    '1. Open <https://colab.research.google.com> and create a new notebook',
    '   (TensorFlow, Keras, SciPy and scikit-learn are already installed there).',
    `2. In the Files panel on the left, upload \`model.py\`${hasWeights ? `, \`${WEIGHTS_FILE_NAME}\`` : ''}`,
    `   and \`${DATASET_FILE_NAME}\`.`,
    '3. Run a cell with `!python model.py`, or paste the contents of `model.py` into',
    '   cells (the `# %%` lines mark where one cell ends and the next begins).',
    '',
    '## The model',
    '',
    ...layers,
    '',
    `Optimizer: ${OPTIMIZER_CLASS[spec.compile.optimizer]} with learning rate ${spec.compile.learningRate};`,
    `${spec.compile.epochs} epochs with batches of ${spec.compile.batchSize}.`,
    '',
    ...weightsNote,
  ].join('\n');
}
