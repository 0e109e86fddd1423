// The guided first run: four steps, each with where to click and when it is done. Pure: the
// app's state comes in as a snapshot, so the rules can be read (and tested) on their own.
import type { ModelSpec } from '../../../src-main/contract/spec';
import type { TrainingStatus } from '../../../src-main/contract/training-api';
import { PRESETS } from '../../../src-main/core/spec';
import type { Section } from '../../lib/state/app.svelte';

export type TourStepId = 'letters' | 'preset' | 'train' | 'draw' | 'done';
export const TOUR_STEPS: readonly TourStepId[] = ['letters', 'preset', 'train', 'draw', 'done'];
/** Steps the camper does (the last one only says well done). */
export const TASK_STEPS = TOUR_STEPS.length - 1;

/** Where each step happens. */
export const STEP_SECTION: Record<TourStepId, Section> = {
  letters: 'data',
  preset: 'build',
  train: 'train',
  draw: 'predict',
  done: 'notebook',
};

export interface TourSnapshot {
  section: Section;
  hasLetters: boolean;
  spec: ModelSpec;
  trainingStatus: TrainingStatus;
  savedEpoch: number;
  /** The camper drew a letter in the Predict tab and got an answer since the step began. */
  drew: boolean;
}

/** The first preset (logistic regression), in either language. */
export function isFirstPreset(spec: ModelSpec): boolean {
  const first = PRESETS[0];
  return (
    [first.spec.name, first.pl.name].includes(spec.name) &&
    JSON.stringify(spec.layers) === JSON.stringify(first.spec.layers)
  );
}

/** Whether the camper has done what `step` asks. */
export function stepDone(step: TourStepId, s: TourSnapshot): boolean {
  switch (step) {
    case 'letters':
      return s.hasLetters && s.section === 'build';
    case 'preset':
      return isFirstPreset(s.spec);
    case 'train':
      return (
        s.savedEpoch > 0 && (s.trainingStatus === 'finished' || s.trainingStatus === 'stopped')
      );
    case 'draw':
      return s.drew;
    case 'done':
      return false;
  }
}

/** The app's header and status bar: the card never hides the tabs or the status line. */
const FRAME = ['[data-testid="app-header"]', 'footer.status'];

/**
 * What the card must not cover besides the ringed targets: the rest of what the step talks about
 * (CSS selectors, the first element found for each), and the app's header and status bar.
 */
export function stepKeepClear(step: TourStepId, s: TourSnapshot): string[] {
  if (step !== 'done' && s.section !== STEP_SECTION[step]) return FRAME;
  switch (step) {
    case 'letters':
      return [...FRAME, '[data-testid="letter-grid"]', '[data-testid="letter-viewer"]'];
    case 'preset':
      return [...FRAME, '[data-testid="palette"]', '[data-testid="stack"]'];
    case 'train':
      return [
        ...FRAME,
        '[data-testid="train-start"]',
        '[data-testid="train-status"]',
        '[data-testid="progress"]',
        '[data-testid="chart-loss"]',
        '[data-testid="chart-acc"]',
      ];
    case 'draw':
      return [
        ...FRAME,
        '[data-testid="predict-model"]',
        '[data-testid="draw-canvas"]',
        '[data-testid="draw-seen"]',
        '[data-testid="draw-answer"]',
      ];
    case 'done':
      return FRAME;
  }
}

/**
 * What to highlight: groups of CSS selectors; the first element found in each group is ringed.
 * Away from the step's tab, its tab button is the target.
 */
export function stepTargets(step: TourStepId, s: TourSnapshot): string[][] {
  if (step !== 'done' && s.section !== STEP_SECTION[step]) return [[`#tab-${STEP_SECTION[step]}`]];
  switch (step) {
    case 'letters':
      return s.hasLetters
        ? [['[data-testid="letter-grid"]'], ['#tab-build']]
        : [['[data-testid="dataset-open-sample"]']];
    case 'preset':
      return [['#preset-select'], ['[data-testid="preset-load"]']];
    case 'train':
      return s.trainingStatus === 'idle' ||
        ['finished', 'stopped', 'failed', 'crashed'].includes(s.trainingStatus)
        ? [['[data-testid="train-start"]']]
        : [['[data-testid="train-status"]']];
    case 'draw':
      return [
        ['[data-testid="draw-canvas"]', '#panel-predict canvas'],
        ['[data-testid="draw-answer"]'],
      ];
    case 'done':
      return [['#tab-notebook']];
  }
}
