// One-click fixes: building them (with an English label) and applying them (pure).
//
// A 'set' fix with `at: -1` changes the whole model: field 'compile.optimizer',
// 'compile.learningRate', 'compile.epochs', 'compile.batchSize', 'classes' or 'name'.
// Otherwise `at` is an index into spec.layers and `field` one of that block's fields.

import type { LayerSpec, ModelSpec, SpecFix } from '../../contract/spec';
import { layerNotation } from './layer-label';
import { LAYER_FIELDS } from './layer-types';
import { formatSpecMessage, type SpecLang } from './messages';

/** `at` of a fix that changes the whole model rather than one block. */
export const MODEL_LEVEL = -1;

const COMPILE_FIELDS = ['optimizer', 'learningRate', 'epochs', 'batchSize'] as const;

export function insertFix(at: number, layer: LayerSpec): SpecFix {
  const label = formatSpecMessage('en', 'fix.insert', { layer: layerNotation(layer) });
  return { kind: 'insert', at, layer, label };
}

export function removeFix(at: number, layer: LayerSpec): SpecFix {
  return {
    kind: 'remove',
    at,
    label: formatSpecMessage('en', 'fix.remove', { layer: layerNotation(layer) }),
  };
}

export function setFix(at: number, field: string, value: number | string): SpecFix {
  return {
    kind: 'set',
    at,
    field,
    value,
    label: formatSpecMessage('en', 'fix.set', { fieldAcc: field, value }),
  };
}

/** The label of a fix in another language (`spec` is the model the fix belongs to). */
export function fixLabel(spec: ModelSpec, fix: SpecFix, lang: SpecLang): string {
  switch (fix.kind) {
    case 'insert':
      return formatSpecMessage(lang, 'fix.insert', { layer: layerNotation(fix.layer) });
    case 'remove': {
      const layer = spec.layers[fix.at];
      return layer
        ? formatSpecMessage(lang, 'fix.remove', { layer: layerNotation(layer) })
        : fix.label;
    }
    case 'set':
      return formatSpecMessage(lang, 'fix.set', { fieldAcc: fix.field, value: fix.value });
  }
}

function copySpec(spec: ModelSpec): ModelSpec {
  return {
    ...spec,
    input: { ...spec.input },
    compile: { ...spec.compile },
    layers: spec.layers.map((layer) => ({ ...layer })),
  };
}

function setModelField(spec: ModelSpec, field: string, value: number | string): void {
  const compileField = field.startsWith('compile.') ? field.slice('compile.'.length) : null;
  if (compileField && (COMPILE_FIELDS as readonly string[]).includes(compileField)) {
    (spec.compile as unknown as Record<string, unknown>)[compileField] = value;
  } else if (field === 'classes' && typeof value === 'number') {
    spec.classes = value;
  } else if (field === 'name' && typeof value === 'string') {
    spec.name = value;
  }
}

function setLayerField(layer: LayerSpec, field: string, value: number | string): LayerSpec {
  if (!LAYER_FIELDS[layer.type].includes(field)) return layer;
  const next = { ...layer, [field]: value };
  // Keras pools step by their window unless told otherwise: keep a default step following it.
  if (
    field === 'poolSize' &&
    (layer.type === 'maxPool2d' || layer.type === 'averagePool2d') &&
    layer.strides === layer.poolSize &&
    typeof value === 'number'
  ) {
    return { ...next, strides: value } as LayerSpec;
  }
  return next;
}

/** Applies a one-click fix; returns a new spec and leaves `spec` untouched. */
export function applyFix(spec: ModelSpec, fix: SpecFix): ModelSpec {
  const next = copySpec(spec);
  switch (fix.kind) {
    case 'insert': {
      const at = Math.max(0, Math.min(next.layers.length, Math.trunc(fix.at)));
      next.layers.splice(at, 0, { ...fix.layer });
      return next;
    }
    case 'remove':
      if (fix.at >= 0 && fix.at < next.layers.length) next.layers.splice(fix.at, 1);
      return next;
    case 'set':
      if (fix.at === MODEL_LEVEL) {
        setModelField(next, fix.field, fix.value);
      } else if (fix.at >= 0 && fix.at < next.layers.length) {
        next.layers[fix.at] = setLayerField(next.layers[fix.at], fix.field, fix.value);
      }
      return next;
  }
}
