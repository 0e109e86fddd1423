// The spec logic's texts (problems, fixes, block explanations) in the UI language.
import type {
  Activation,
  LayerType,
  ModelSpec,
  SpecFix,
  SpecProblem,
} from '../../../src-main/contract/spec';
import {
  ACTIVATION_EXPLANATIONS,
  explainLayer,
  fixLabel,
  formatSpecMessage,
  type BlockText,
  type Preset,
} from '../../../src-main/core/spec';
import { i18n } from '../../lib/i18n/i18n.svelte';

export function problemText(problem: SpecProblem): string {
  return formatSpecMessage(i18n.language, problem.messageKey, problem.params);
}

/** The label of a one-click fix of `spec`. */
export function fixText(spec: ModelSpec, fix: SpecFix): string {
  return fixLabel(spec, fix, i18n.language);
}

/** Label, one-line and longer explanation of a block, for a 12-year-old. */
export function blockText(type: LayerType | 'output'): BlockText {
  return explainLayer(type, i18n.language);
}

export function activationText(activation: Activation): string {
  return ACTIVATION_EXPLANATIONS[activation]?.[i18n.language] ?? activation;
}

export function presetName(preset: Preset): string {
  return i18n.language === 'pl' ? preset.pl.name : preset.name;
}

export function presetDescription(preset: Preset): string {
  return i18n.language === 'pl' ? preset.pl.description : preset.description;
}
