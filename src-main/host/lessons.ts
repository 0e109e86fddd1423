// The Lessons tab in the host: the lessons' view from the teacher's settings, the camper's
// progress (lessons.json) and the lab notebook's records; training a step (checked against the
// step's network, capped by the teacher, remembered as the step's run); the lessons' report.

import { z } from 'zod';
import type { LessonsView, LessonTrainRequest, StepOrigin } from '../contract/lessons';
import type { RunEntry } from '../contract/runs';
import type { TrainingState } from '../contract/training-api';
import { SPLIT_METHOD } from '../core/dataset/split';
import { LetterLabError } from '../core/errors';
import {
  LESSON_STEP_IDS,
  checkStep,
  hintText,
  lessonStep,
  lessonsView,
  stepAccess,
  stepEpochs,
  type LessonStep,
  type OpenLetters,
} from '../core/lessons';
import { ProgressStore, emptyProgress } from '../core/progress/store';
import { PinGuard } from '../core/settings/pin';
import { buildReport, reportFileName, type ReportRun } from '../core/report/build';
import type { HostContext } from './context';
import type { ApiRegistry } from './registry';
import type { RunRecorder } from './runs';
import { pinText } from './settings-api';
import { specSchema } from './training';

/** Own networks the report shows after the steps: the best few of beat the notebook. */
const REPORT_OWN_NETWORKS = 3;

const stepSchema = z.enum(LESSON_STEP_IDS as [string, ...string[]]);

function knownStep(id: string): LessonStep {
  const step = lessonStep(id);
  if (!step) throw new LetterLabError('lessons.unknown-step', `There is no lesson step ${id}.`);
  return step;
}

export class LessonsHost {
  private readonly progress: Promise<ProgressStore>;

  constructor(
    private readonly ctx: HostContext,
    private readonly recorder: RunRecorder,
    private readonly pins: PinGuard,
  ) {
    this.progress = ProgressStore.open(ctx.paths.userData);
    ctx.events.subscribe((event) => {
      if (event === 'runs:changed' || event === 'dataset:changed') this.changed();
    });
  }

  private changed(): void {
    this.ctx.events.emit('lessons:changed', { at: new Date().toISOString() });
  }

  private letters(): OpenLetters | null {
    const info = this.ctx.session.dataset?.info;
    if (!info) return null;
    return {
      label: info.label,
      fingerprint: info.fingerprint,
      splitSeed: info.split.seed,
      testFraction: info.split.testFraction,
      split: SPLIT_METHOD,
    };
  }

  private activeRunId(): string | null {
    const training = this.ctx.session.training;
    return training?.active ? training.snapshot().runId : null;
  }

  private async entries(): Promise<RunEntry[]> {
    return this.recorder.store.list();
  }

  async view(entries?: RunEntry[]): Promise<LessonsView> {
    const store = await this.progress;
    const list = entries ?? (await this.entries());
    const view = lessonsView({
      settings: this.ctx.settings.get().lessons,
      progress: store.get(),
      records: list.flatMap((e) => (e.record ? [e.record] : [])),
      activeRunId: this.activeRunId(),
      letters: this.letters(),
    });
    return { ...view, warning: store.warning };
  }

  async select(id: string): Promise<LessonsView> {
    const step = knownStep(id);
    this.checkOpen(step);
    const store = await this.progress;
    await store.change((p) => ({ ...p, current: step.id }));
    return this.view();
  }

  /** The lessons start again for a new group (the teacher's: it needs the PIN when one is set);
   * the runs stay in the lab notebook. */
  async reset(pin?: string): Promise<LessonsView> {
    await this.pins.check(this.ctx.settings.get().pin, pin);
    const store = await this.progress;
    await store.change(() => emptyProgress());
    this.changed();
    return this.view();
  }

  private checkOpen(step: LessonStep): void {
    const access = stepAccess(this.ctx.settings.get().lessons, step.id);
    if (!access.on) {
      throw new LetterLabError(
        'lessons.closed',
        `Your teacher turned step ${step.number} off: pick another step.`,
      );
    }
    if (!access.open) {
      throw new LetterLabError(
        'lessons.closed',
        `Step ${step.number} is not open yet: your teacher opens the steps one at a time.`,
      );
    }
  }

  async train(request: LessonTrainRequest): Promise<TrainingState> {
    const step = knownStep(request.step);
    this.checkOpen(step);
    const settings = this.ctx.settings.get().lessons;
    if (request.origin === 'ready-made' && settings.lockReadyMade) {
      throw new LetterLabError(
        'lessons.locked',
        'Your teacher wants you to build this network yourself: use the Build tab, then train it here.',
      );
    }
    const check = checkStep(request.spec, step);
    if (!check.matches) {
      throw new LetterLabError(
        'lessons.not-the-network',
        `This is not step ${step.number}’s network yet. ${hintText(check.hints[0], 'en', 'tell')}`,
      );
    }
    const training = this.ctx.session.training;
    if (!training) throw new LetterLabError('training.busy', 'Training is not available here.');
    const epochs = stepEpochs(step, settings.epochCap);
    const state = training.start({
      ...request.spec,
      compile: { ...request.spec.compile, epochs },
    });
    await this.remember(step, state.runId as string, request.origin);
    return state;
  }

  private async remember(step: LessonStep, runId: string, origin: StepOrigin): Promise<void> {
    try {
      const store = await this.progress;
      const startedAt = new Date().toISOString();
      await store.change((p) => ({
        ...p,
        current: step.id,
        steps: { ...p.steps, [step.id]: { runId, origin, startedAt } },
      }));
      this.changed();
    } catch (err) {
      // The run goes on and is in the lab notebook; only the lesson's link to it is lost.
      console.error(`Letter Lab could not save the lessons' progress: ${(err as Error).message}`);
    }
  }

  async report(lang: 'en' | 'pl') {
    const open = this.ctx.session.dataset;
    if (!open) {
      throw new LetterLabError(
        'lessons.nothing-done',
        'Open the letters the lessons used first (the Letters tab).',
      );
    }
    const entries = await this.entries();
    const view = await this.view(entries);
    const entryOf = (id: string) => entries.find((e) => e.id === id && e.record);
    const runs: ReportRun[] = [];
    for (const s of view.steps) {
      const entry = s.done && s.run ? entryOf(s.run.runId) : undefined;
      if (entry?.record) {
        runs.push({ step: knownStep(s.id), record: entry.record, modelDir: entry.modelDir });
      }
    }
    if (runs.length === 0) {
      throw new LetterLabError(
        'lessons.nothing-done',
        'No step is done on these letters yet: train a step first, then make the report.',
      );
    }
    for (const own of view.challenge.entries.slice(0, REPORT_OWN_NETWORKS)) {
      const entry = entryOf(own.runId);
      if (entry?.record) runs.push({ step: null, record: entry.record, modelDir: entry.modelDir });
    }
    const madeAt = new Date().toISOString();
    const html = await buildReport({
      lang,
      backend: this.ctx.backend.name,
      set: open.set,
      label: open.info.label,
      runs,
      budget: view.settings.budget,
      madeAt,
    });
    return { html, fileName: reportFileName(madeAt, 'letter-lab-lessons') };
  }
}

export function setupLessons(
  registry: ApiRegistry,
  ctx: HostContext,
  recorder: RunRecorder,
  pins: PinGuard = new PinGuard(),
): LessonsHost {
  const lessons = new LessonsHost(ctx, recorder, pins);
  registry.handle('lessons:state', z.undefined(), () => lessons.view());
  registry.handle('lessons:select', z.object({ step: stepSchema }).strict(), ({ step }) =>
    lessons.select(step),
  );
  registry.handle(
    'lessons:reset',
    z.object({ pin: pinText.optional() }).strict().optional(),
    (request) => lessons.reset(request?.pin),
  );
  registry.handle(
    'lessons:train',
    z
      .object({ step: stepSchema, spec: specSchema, origin: z.enum(['built', 'ready-made']) })
      .strict(),
    (request) => lessons.train(request),
  );
  registry.handle('lessons:report', z.object({ lang: z.enum(['en', 'pl']) }).strict(), ({ lang }) =>
    lessons.report(lang),
  );
  return lessons;
}
