// The lessons' words that depend on the UI language: step names, the recipe of a step's network,
// hints, "what changed". Pure helpers: the language comes in.
import type { LadderPoint, LessonStepView } from '../../../src-main/contract/lessons';
import {
  changeSentence,
  lessonStep,
  type LessonLang,
  type LessonStep,
} from '../../../src-main/core/lessons';
import { layerNotation } from '../../../src-main/core/spec';

export function stepOf(view: LessonStepView): LessonStep {
  const step = lessonStep(view.id);
  if (!step) throw new Error(`Unknown lesson step ${view.id}.`);
  return step;
}

export function stepName(step: LessonStep, lang: LessonLang): string {
  return lang === 'pl' ? step.preset.pl.name : step.preset.name;
}

/** The step's blocks as the notebook writes them: "Conv2D(16, 3x3) relu", "MaxPool2D(2x2)". */
export function recipe(step: LessonStep): string[] {
  return step.preset.spec.layers.map((layer) => {
    const notation = layerNotation(layer);
    const padding = layer.type === 'conv2d' && layer.padding === 'same' ? ', same' : '';
    const activation =
      'activation' in layer && layer.type !== 'activation' && layer.activation !== 'linear'
        ? ` ${layer.activation}`
        : '';
    return padding
      ? `${notation.replace(/\)$/, `${padding})`)}${activation}`
      : `${notation}${activation}`;
  });
}

/**
 * "What happened" compared with the step before it that is on the ladder, or null when it is the
 * first on the ladder or not on it.
 */
export function changeFromPrevious(
  stepId: string,
  ladder: readonly LadderPoint[],
  lang: LessonLang,
): { sentence: string | null; first: boolean } | null {
  const steps = ladder.filter((p) => p.step !== null);
  const at = steps.findIndex((p) => p.step === stepId);
  if (at < 0) return null;
  if (at === 0) return { sentence: null, first: true };
  const prev = steps[at - 1];
  const cur = steps[at];
  return {
    sentence: changeSentence(
      { ...prev, number: prev.number ?? 0 },
      { ...cur, number: cur.number ?? 0 },
      lang,
    ),
    first: false,
  };
}
