// What the Lessons tab shows, worked out from the teacher's settings, the camper's progress and
// the lab notebook's run records. Pure: the host reads the files and passes them in.

import type {
  ChallengeEntry,
  ChallengeView,
  LadderPoint,
  LessonProgress,
  LessonSettings,
  LessonStepView,
  LessonsView,
  StepRun,
} from '../../contract/lessons';
import type { RunRecord } from '../../contract/runs';
import type { SplitMethod } from '../../contract/training';
import { checkStep } from './check';
import { LESSON_STEPS, stepEpochs, type LessonStep } from './steps';

/** The letters open now, as a run record keeps them. */
export interface OpenLetters {
  label: string;
  fingerprint: string;
  splitSeed: number;
  testFraction: number;
  /** How the letters are split (the notebook's scikit-learn split). */
  split: SplitMethod;
}

export interface LessonsInput {
  settings: LessonSettings;
  progress: LessonProgress;
  /** Every run of the lab notebook that has a record. */
  records: readonly RunRecord[];
  /** The run training right now, if any. */
  activeRunId: string | null;
  letters: OpenLetters | null;
}

/** Most challenge networks listed (and put on the ladder). */
export const MAX_CHALLENGE_ENTRIES = 12;

/** Training time of a run: every finished epoch, validation included. */
export function trainingSeconds(record: RunRecord): number {
  return record.history.reduce((sum, e) => sum + e.seconds, 0);
}

/** Whether `record` learned from `letters` with the same split (a run from before the notebook's
 * split was used has other test letters). */
export function sameLetters(record: RunRecord, letters: OpenLetters | null): boolean {
  const d = record.dataset;
  return (
    letters !== null &&
    d !== null &&
    d.fingerprint === letters.fingerprint &&
    d.splitSeed === letters.splitSeed &&
    d.testFraction === letters.testFraction &&
    d.split === letters.split
  );
}

/** Whether step `id` is on, and open to the camper (class pace opens them one at a time). */
export function stepAccess(settings: LessonSettings, id: string): { on: boolean; open: boolean } {
  const on = !settings.off.includes(id);
  if (!on) return { on, open: false };
  if (!settings.classPace) return { on, open: true };
  const place = LESSON_STEPS.filter((s) => !settings.off.includes(s.id)).findIndex(
    (s) => s.id === id,
  );
  return { on, open: place < Math.max(1, settings.opened) };
}

function stepRun(step: LessonStep, input: LessonsInput): StepRun | null {
  const entry = input.progress.steps[step.id];
  if (!entry) return null;
  const record = input.records.find((r) => r.id === entry.runId) ?? null;
  const training = input.activeRunId === entry.runId;
  if (!record) {
    return {
      runId: entry.runId,
      origin: entry.origin,
      status: training ? 'training' : 'missing',
      epochs: 0,
      targetEpochs: stepEpochs(step, input.settings.epochCap),
      params: 0,
      valAcc: null,
      seconds: 0,
      sameLetters: true,
    };
  }
  return {
    runId: record.id,
    origin: entry.origin,
    // 'running': a run another process is training (the CLI); it is not done either.
    status: training || record.status === 'running' ? 'training' : record.status,
    epochs: record.history.length,
    targetEpochs: record.compile.epochs,
    params: record.params,
    valAcc: record.finalValAcc,
    seconds: trainingSeconds(record),
    sameLetters: sameLetters(record, input.letters),
  };
}

function stepView(step: LessonStep, input: LessonsInput): LessonStepView {
  const run = stepRun(step, input);
  return {
    id: step.id,
    number: step.number,
    notebookEpochs: step.preset.spec.compile.epochs,
    epochs: stepEpochs(step, input.settings.epochCap),
    ...stepAccess(input.settings, step.id),
    run,
    done: run !== null && run.status === 'finished' && run.sameLetters && run.valAcc !== null,
  };
}

/** The lesson step whose network `record` trained (name and epochs aside), or null. */
export function stepOfRecord(record: RunRecord): LessonStep | null {
  return LESSON_STEPS.find((step) => checkStep(record.spec, step).matches) ?? null;
}

function isNotebookNetwork(record: RunRecord): boolean {
  return stepOfRecord(record) !== null;
}

/**
 * Any finished run as a point of the ladder: a numbered step when it trained a step's network,
 * else a network of the camper's own; null without a test accuracy.
 */
export function ladderPointOf(record: RunRecord): LadderPoint | null {
  if (record.status !== 'finished' || record.finalValAcc === null) return null;
  const step = stepOfRecord(record);
  return {
    runId: record.id,
    step: step?.id ?? null,
    number: step?.number ?? null,
    name: record.name,
    params: record.params,
    valAcc: record.finalValAcc,
    seconds: trainingSeconds(record),
  };
}

function challenge(input: LessonsInput, steps: LessonStepView[], ladder: LadderPoint[]) {
  const budget = input.settings.budget;
  const own = input.records.filter(
    (r) =>
      r.status === 'finished' &&
      r.finalValAcc !== null &&
      r.id !== input.activeRunId &&
      sameLetters(r, input.letters) &&
      !isNotebookNetwork(r),
  );
  const within = own.filter((r) => r.params <= budget);
  const entries: ChallengeEntry[] = within
    .map((r) => ({
      runId: r.id,
      name: r.name,
      params: r.params,
      score: r.finalValAcc as number,
      startedAt: r.startedAt,
    }))
    .sort(
      (a, b) => b.score - a.score || a.params - b.params || a.startedAt.localeCompare(b.startedAt),
    )
    .slice(0, MAX_CHALLENGE_ENTRIES);
  let target: ChallengeView['target'] = null;
  for (const point of ladder) {
    if (point.step === null || point.params > budget) continue;
    if (!target || point.valAcc > target.score) {
      target = {
        step: point.step,
        number: point.number ?? 0,
        params: point.params,
        score: point.valAcc,
      };
    }
  }
  const best = entries[0] ?? null;
  const view: ChallengeView = {
    budget,
    open: steps.some((s) => s.on) && steps.every((s) => !s.on || s.done),
    target,
    entries,
    overBudget: own.length - within.length,
    beaten: best !== null && (target === null || best.score > target.score),
  };
  return view;
}

/** Everything the Lessons tab shows. */
export function lessonsView(input: LessonsInput): LessonsView {
  const steps = LESSON_STEPS.map((step) => stepView(step, input));
  const ladder: LadderPoint[] = [];
  for (const view of steps) {
    if (!view.done || !view.run) continue;
    const record = input.records.find((r) => r.id === view.run?.runId) as RunRecord;
    ladder.push({
      runId: record.id,
      step: view.id,
      number: view.number,
      name: record.name,
      params: record.params,
      valAcc: record.finalValAcc as number,
      seconds: trainingSeconds(record),
    });
  }
  const contest = challenge(input, steps, ladder);
  for (const entry of contest.entries) {
    const record = input.records.find((r) => r.id === entry.runId) as RunRecord;
    ladder.push({
      runId: entry.runId,
      step: null,
      number: null,
      name: entry.name,
      params: entry.params,
      valAcc: entry.score,
      seconds: trainingSeconds(record),
    });
  }
  const current =
    input.progress.current && steps.some((s) => s.id === input.progress.current && s.open)
      ? input.progress.current
      : (steps.find((s) => s.open && !s.done)?.id ?? steps.find((s) => s.open)?.id ?? null);
  return {
    settings: input.settings,
    current,
    steps,
    ladder,
    challenge: contest,
    letters: input.letters?.label ?? null,
    canReport: steps.some((s) => s.done),
    warning: null,
  };
}
