// Lessons: the notebook's eight steps as a lesson a teacher leads and a camper follows, the
// ladder of their results, and "beat the notebook". Types only; the logic is in
// src-main/core/lessons (pure) and src-main/host/lessons.ts.
import type { RunStatus } from './runs';
import type { ModelSpec } from './spec';
import type { TrainingState } from './training-api';

/** The teacher's lesson settings (part of the teacher settings, guarded like them). */
export interface LessonSettings {
  /** Ids of the steps the teacher turned off; the others are on. */
  off: string[];
  /** Most epochs a step trains for (slow laptops), or null for the notebook's epochs. */
  epochCap: number | null;
  /** Campers must build every network themselves: "load it ready-made" is not offered. */
  lockReadyMade: boolean;
  /** Class pace: steps open one at a time, when the teacher opens the next one. */
  classPace: boolean;
  /** With class pace, how many of the steps that are on are open (at least 1). */
  opened: number;
  /** Beat the notebook: the most parameters a camper's network may have. */
  budget: number;
}

/** How the step's network got into the builder before it was trained. */
export type StepOrigin = 'built' | 'ready-made';

/** lessons.json: what the camper has done, kept across restarts. */
export interface LessonProgress {
  version: 1;
  /** The step the camper has open. */
  current: string | null;
  /** The last run of each step trained from the lesson. */
  steps: Record<string, { runId: string; origin: StepOrigin; startedAt: string }>;
}

/** A step's (or a challenge network's) result, as the ladder plots it. */
export interface LadderPoint {
  runId: string;
  /** The step's id, or null for a camper's own network in "beat the notebook". */
  step: string | null;
  /** The step's number, 1-8, or null. */
  number: number | null;
  name: string;
  params: number;
  /** Accuracy on the test letters after the last epoch, 0..1. */
  valAcc: number;
  /** Training time: every epoch's wall time, validation included. */
  seconds: number;
}

/** The run of a step, as far as it got. */
export interface StepRun {
  runId: string;
  origin: StepOrigin;
  /** 'training' while it runs; 'missing' when its record was deleted from the lab notebook. */
  status: RunStatus | 'training' | 'missing';
  /** Epochs finished, and the epochs it was started for. */
  epochs: number;
  targetEpochs: number;
  params: number;
  /** Accuracy on the test letters after the last finished epoch. */
  valAcc: number | null;
  seconds: number;
  /** Whether it learned from the letters that are open now, with the same split. */
  sameLetters: boolean;
}

export interface LessonStepView {
  id: string;
  number: number;
  /** The notebook's epochs, and the epochs it trains for under the teacher's cap. */
  notebookEpochs: number;
  epochs: number;
  /** The teacher left this step on. */
  on: boolean;
  /** The camper may work on it (on, and opened when the class keeps pace). */
  open: boolean;
  run: StepRun | null;
  /** Its run finished every epoch on the letters open now. */
  done: boolean;
}

export interface ChallengeEntry {
  runId: string;
  name: string;
  params: number;
  /** Accuracy on the test letters after the last epoch (the test part only). */
  score: number;
  startedAt: string;
}

/** Beat the notebook: the best test accuracy under a parameter budget. */
export interface ChallengeView {
  budget: number;
  /** Open once every step that is on is done. */
  open: boolean;
  /** The best notebook step within the budget (on the camper's own results), or null. */
  target: { step: string; number: number; params: number; score: number } | null;
  /** The camper's own finished networks within the budget on these letters, best first. */
  entries: ChallengeEntry[];
  /** Finished networks of the camper over the budget (not counted). */
  overBudget: number;
  beaten: boolean;
}

export interface LessonsView {
  settings: LessonSettings;
  current: string | null;
  steps: LessonStepView[];
  /** Every done step, in the notebook's order, then the challenge networks. */
  ladder: LadderPoint[];
  challenge: ChallengeView;
  /** The letters open now (their label), or null. */
  letters: string | null;
  /** Whether the Lessons report can be made (a done step). */
  canReport: boolean;
  /** Set when the progress file was damaged and the lessons started again. */
  warning: string | null;
}

export interface LessonTrainRequest {
  step: string;
  /** The builder's network; it must be the step's network (name and epochs aside). */
  spec: ModelSpec;
  origin: StepOrigin;
}

export interface LessonReport {
  html: string;
  fileName: string;
}

export interface LessonsInvoke {
  'lessons:state': { request: void; response: LessonsView };
  /** Opens a step (remembered for the next start). */
  'lessons:select': { request: { step: string }; response: LessonsView };
  /** Trains the step's network for its epochs (capped by the teacher); remembered as its run. */
  'lessons:train': { request: LessonTrainRequest; response: TrainingState };
  /** Teacher: the lessons start again from step 1 for a new group (the runs stay in the notebook);
   * needs the teacher PIN when one is set. */
  'lessons:reset': { request: { pin?: string } | void; response: LessonsView };
  /** The lessons' HTML report: each done step, its curves and predictions, and the ladder. */
  'lessons:report': { request: { lang: 'en' | 'pl' }; response: LessonReport };
}

export interface LessonsEvents {
  /** Progress, a run of a step or the teacher's lesson settings changed. */
  'lessons:changed': { at: string };
}
