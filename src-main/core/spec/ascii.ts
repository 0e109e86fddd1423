// A plain-text model table in the style of Piotr Migdał's keras-sequential-ascii:
//
//            OPERATION           DATA DIMENSIONS   WEIGHTS(N)   WEIGHTS(%)    MULT-ADDS
//
//                Input   #####     28   28    1
//               Conv2D    \|/  -------------------       160     0.3%        97344
//                 relu   #####     26   26   16
//
// One row per layer (its Keras class, a small glyph, its weights and share of all weights),
// then the data it hands on (activation and shape, channels last). An Activation block right
// after a layer without activation is merged into it, as the original does. A multiply-adds
// column and totals close the table.

import type { LayerSpec, ModelSpec, ModelSummary, Shape } from '../../contract/spec';
import { KERAS_CLASS_NAME } from './layer-label';
import { formatNumber } from './messages';

const GRAPHICS: Record<string, string> = {
  Conv2D: ' \\|/ ',
  MaxPooling2D: 'Y max',
  AveragePooling2D: 'Y avg',
  GlobalMaxPooling2D: 'Y^max',
  GlobalAveragePooling2D: 'Y^avg',
  Flatten: '|||||',
  Dense: 'XXXXX',
  Dropout: ' | ||',
  BatchNormalization: ' μ|σ ',
  Activation: ' f|  ',
};

const HEADER =
  '           OPERATION           DATA DIMENSIONS   WEIGHTS(N)   WEIGHTS(%)    MULT-ADDS';

interface Row {
  kind: string;
  activation: string;
  shape: Shape | null;
  params: number;
  macs: number;
}

function dims(shape: Shape | null): string {
  if (!shape) return '        ?';
  const sizes = shape.slice(1).map((n) => (n === null ? '?' : String(n)));
  return sizes.length > 1
    ? sizes.map((s) => s.padStart(4)).join(' ')
    : (sizes[0] ?? '').padStart(9);
}

function activationOf(layer: LayerSpec | undefined, isOutput: boolean): string {
  if (isOutput) return 'softmax';
  if (layer && 'activation' in layer && layer.activation !== 'linear') return layer.activation;
  return '';
}

function rows(summary: ModelSummary, spec?: ModelSpec): Row[] {
  const result: Row[] = [];
  summary.layers.forEach((layer, i) => {
    const specLayer = spec?.layers[i];
    const isOutput = layer.type === 'output';
    const activation = spec ? activationOf(specLayer, isOutput) : isOutput ? 'softmax' : '';
    const previous = result.at(-1);
    if (layer.type === 'activation' && specLayer && previous && previous.activation === '') {
      previous.activation = activation;
      previous.shape = layer.outputShape;
      return;
    }
    result.push({
      kind: layer.type === 'activation' ? '' : KERAS_CLASS_NAME[layer.type],
      activation,
      shape: layer.outputShape,
      params: layer.params,
      macs: layer.macs,
    });
  });
  return result;
}

/** The summary as a keras-sequential-ascii table; pass the spec to show activations. */
export function summaryText(summary: ModelSummary, spec?: ModelSpec): string {
  const total = summary.totalParams;
  const lines = [HEADER, '', `${'Input'.padStart(20)}   #####   ${dims(summary.input)}`];
  for (const row of rows(summary, spec)) {
    const glyph = GRAPHICS[row.kind || 'Activation'] ?? '?????';
    const percent = total > 0 ? (100 * row.params) / total : 0;
    lines.push(
      `${row.kind.padStart(20)}   ${glyph} -------------------${String(row.params).padStart(10)}` +
        `   ${percent.toFixed(1).padStart(5)}%${String(row.macs).padStart(13)}`,
    );
    lines.push(`${row.activation.padStart(20)}   #####   ${dims(row.shape)}`);
  }
  lines.push(
    '',
    `Total parameters: ${formatNumber(total, 'en')} (trainable ${formatNumber(summary.trainableParams, 'en')}, ` +
      `non-trainable ${formatNumber(summary.nonTrainableParams, 'en')})`,
    `Multiply-adds per image: ${formatNumber(summary.macsPerImage, 'en')}`,
  );
  return lines.join('\n');
}
