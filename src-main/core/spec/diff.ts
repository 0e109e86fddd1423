// What changed between two model specs, in plain words:
//   "added Dropout(0.5) after Dense(64)", "removed MaxPool2D(2x2) after Conv2D(16, 3x3)",
//   "Conv2D filters 16 → 32", "optimizer sgd → adam", "epochs 10 → 20".
// Blocks are lined up by type with a longest-common-subsequence alignment (an identical block
// counts a little more than one of the same type), so an inserted block reads as an insertion.

import type { LayerSpec, ModelSpec } from '../../contract/spec';
import { LAYER_DISPLAY_NAME, layerNotation } from './layer-label';
import { LAYER_FIELDS } from './layer-types';
import { formatSpecMessage, type SpecLang } from './messages';

export interface SpecChange {
  key: string;
  params: Record<string, string | number>;
  text: string;
}

type Op =
  | { kind: 'same'; a: number; b: number }
  | { kind: 'removed'; a: number }
  | { kind: 'added'; b: number };

const SAME_TYPE = 2;
const IDENTICAL = 3;

function identical(x: LayerSpec, y: LayerSpec): boolean {
  return JSON.stringify(x) === JSON.stringify(y);
}

/** Lines the blocks of `a` up with those of `b`. */
function align(a: readonly LayerSpec[], b: readonly LayerSpec[]): Op[] {
  const best = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      let score = Math.max(best[i + 1][j], best[i][j + 1]);
      if (a[i].type === b[j].type) {
        score = Math.max(
          score,
          best[i + 1][j + 1] + (identical(a[i], b[j]) ? IDENTICAL : SAME_TYPE),
        );
      }
      best[i][j] = score;
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const pairScore =
      i < a.length && j < b.length && a[i].type === b[j].type
        ? best[i + 1][j + 1] + (identical(a[i], b[j]) ? IDENTICAL : SAME_TYPE)
        : -1;
    if (pairScore === best[i][j]) ops.push({ kind: 'same', a: i++, b: j++ });
    else if (i < a.length && (j === b.length || best[i + 1][j] >= best[i][j + 1]))
      ops.push({ kind: 'removed', a: i++ });
    else ops.push({ kind: 'added', b: j++ });
  }
  return ops;
}

function fieldValue(layer: LayerSpec, field: string): string | number {
  const value = (layer as unknown as Record<string, string | number>)[field];
  return field === 'kernelSize' || field === 'poolSize' ? `${value}x${value}` : value;
}

/** "Conv2D", or "Conv2D #2" when the model has more than one Conv2D. */
function blockName(layers: readonly LayerSpec[], index: number): string {
  const type = layers[index].type;
  const sameType = layers.filter((l) => l.type === type).length;
  const name = LAYER_DISPLAY_NAME[type];
  if (sameType < 2) return name;
  return `${name} #${layers.slice(0, index + 1).filter((l) => l.type === type).length}`;
}

function inputText(spec: ModelSpec): string {
  return `${spec.input.height}x${spec.input.width}x${spec.input.channels}`;
}

/** The changes from `a` to `b`, block by block, then the settings; texts in `lang`. */
export function diffSpecs(a: ModelSpec, b: ModelSpec, lang: SpecLang = 'en'): SpecChange[] {
  const changes: SpecChange[] = [];
  const add = (key: string, params: Record<string, string | number>) =>
    changes.push({ key, params, text: formatSpecMessage(lang, key, params) });

  for (const op of align(a.layers, b.layers)) {
    if (op.kind === 'added' || op.kind === 'removed') {
      const [layers, at] = op.kind === 'added' ? [b.layers, op.b] : [a.layers, op.a];
      const layer = layerNotation(layers[at]);
      if (at === 0) add(`diff.${op.kind}-first`, { layer });
      else add(`diff.${op.kind}`, { layer, prev: layerNotation(layers[at - 1]) });
      continue;
    }
    const [before, after] = [a.layers[op.a], b.layers[op.b]];
    for (const field of LAYER_FIELDS[after.type]) {
      const [from, to] = [fieldValue(before, field), fieldValue(after, field)];
      if (from !== to)
        add('diff.layer-field', { layer: blockName(b.layers, op.b), field, from, to });
    }
  }

  const settings: [string, string | number, string | number][] = [
    ['name', a.name, b.name],
    ['input', inputText(a), inputText(b)],
    ['classes', a.classes, b.classes],
    ['compile.optimizer', a.compile.optimizer, b.compile.optimizer],
    ['compile.learningRate', a.compile.learningRate, b.compile.learningRate],
    ['compile.epochs', a.compile.epochs, b.compile.epochs],
    ['compile.batchSize', a.compile.batchSize, b.compile.batchSize],
  ];
  for (const [field, from, to] of settings) {
    if (from !== to) add('diff.setting', { field, from, to });
  }
  return changes;
}
