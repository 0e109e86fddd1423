// The lessons: the notebook's eight models in its order, each adding one idea to the one before.
// The networks themselves are core/spec's PRESETS (never a copy); a step adds what the lesson
// needs around it: the idea it teaches and the epochs it trains for under a teacher's cap.

import type { ModelSpec } from '../../contract/spec';
import { PRESETS, type Preset } from '../spec';

/** The one new idea of each step, in the notebook's order. */
export type LessonIdea =
  | 'pixels'
  | 'hidden-layer'
  | 'filters'
  | 'pooling'
  | 'deeper'
  | 'dropout'
  | 'batchnorm'
  | 'global-pooling';

/** The notebook's models by preset id, in its order, with the idea each adds. */
const STEP_IDEAS: readonly (readonly [string, LessonIdea])[] = [
  ['logistic-regression', 'pixels'],
  ['mlp', 'hidden-layer'],
  ['conv', 'filters'],
  ['conv-maxpool', 'pooling'],
  ['typical-convnet', 'deeper'],
  ['convnet-dense-dropout', 'dropout'],
  ['batchnorm', 'batchnorm'],
  ['fully-convolutional', 'global-pooling'],
];

export interface LessonStep {
  /** The preset id, also the step's id. */
  id: string;
  /** 1-based place in the notebook. */
  number: number;
  idea: LessonIdea;
  preset: Preset;
}

function presetById(id: string): Preset {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`The notebook's model ${id} is missing from the presets.`);
  return preset;
}

export const LESSON_STEPS: readonly LessonStep[] = STEP_IDEAS.map(([id, idea], i) => ({
  id,
  number: i + 1,
  idea,
  preset: presetById(id),
}));

export const LESSON_STEP_IDS: readonly string[] = LESSON_STEPS.map((s) => s.id);

export function lessonStep(id: string): LessonStep | null {
  return LESSON_STEPS.find((s) => s.id === id) ?? null;
}

/** Most epochs a teacher's cap may allow (the notebook's longest step trains 20). */
export const MAX_EPOCH_CAP = 100;

/** Beat the notebook's default budget: the typical ConvNet (21,498 parameters) fits, step 6 not. */
export const DEFAULT_BUDGET = 25_000;
export const MIN_BUDGET = 100;
export const MAX_BUDGET = 10_000_000;

/** The epochs step `step` trains for: the notebook's, or fewer under a teacher's cap. */
export function stepEpochs(step: LessonStep, cap: number | null): number {
  const notebook = step.preset.spec.compile.epochs;
  return cap === null ? notebook : Math.max(1, Math.min(notebook, cap));
}

/** The network a step trains: the notebook's, named `name`, for `epochs` epochs. */
export function stepSpec(step: LessonStep, epochs: number, name = step.preset.name): ModelSpec {
  const spec = structuredClone(step.preset.spec);
  return { ...spec, name, compile: { ...spec.compile, epochs } };
}
