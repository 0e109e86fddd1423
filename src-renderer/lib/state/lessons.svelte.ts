// The Lessons tab as the renderer sees it: the host's view of the eight steps (the teacher's
// settings, the camper's progress, each step's run, the ladder, beat the notebook), the step on
// screen, and the requests a lesson makes: open a step, train it, make the report.
import type {
  LessonReport,
  LessonStepView,
  LessonsView,
  StepOrigin,
} from '../../../src-main/contract/lessons';
import type { ModelSpec } from '../../../src-main/contract/spec';
import type { ApiClient } from '../api/client';

export type LessonAction = 'train' | 'report';

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class LessonsState {
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  view = $state.raw<LessonsView | null>(null);
  /** Why the last request failed (the host's words), until dismissed or the next request. */
  error = $state<string | null>(null);
  /** The request in flight; its button waits. */
  pending = $state<LessonAction | null>(null);
  /** The step on screen; null shows the step the host says is current. */
  shown = $state<string | null>(null);
  /** The step whose network the camper went to build in the Build tab (its check shows there). */
  building = $state<string | null>(null);

  #started = false;
  #request = 0;

  /** The step on screen. */
  get step(): LessonStepView | null {
    const steps = this.view?.steps ?? [];
    const id = this.shown ?? this.view?.current ?? null;
    return steps.find((s) => s.id === id) ?? steps.find((s) => s.open) ?? null;
  }

  /** The steps the teacher left on, in order. */
  get steps(): LessonStepView[] {
    return (this.view?.steps ?? []).filter((s) => s.on);
  }

  start(): void {
    if (this.#started) {
      void this.refresh();
      return;
    }
    this.#started = true;
    this.#api.on('lessons:changed', () => void this.refresh());
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const request = ++this.#request;
    try {
      const view = await this.#api.invoke('lessons:state');
      if (request === this.#request) this.view = view;
    } catch (err) {
      if (request === this.#request) this.error = messageOf(err);
    }
  }

  /** Shows step `id`; an open step is also remembered as the camper's current one. */
  async show(id: string): Promise<void> {
    this.shown = id;
    const step = this.view?.steps.find((s) => s.id === id);
    if (!step?.open) return;
    const request = ++this.#request;
    try {
      const view = await this.#api.invoke('lessons:select', { step: id });
      if (request === this.#request) this.view = view;
    } catch (err) {
      this.error = messageOf(err);
    }
  }

  /** Trains `spec` as step `step`'s network; false (with `error` set) when the host refused. */
  async train(step: string, spec: ModelSpec, origin: StepOrigin): Promise<boolean> {
    this.pending = 'train';
    this.error = null;
    try {
      await this.#api.invoke('lessons:train', { step, spec, origin });
      await this.refresh();
      return true;
    } catch (err) {
      this.error = messageOf(err);
      return false;
    } finally {
      this.pending = null;
    }
  }

  /** The lessons' HTML report in `lang`, or null (with `error` set). */
  async report(lang: 'en' | 'pl'): Promise<LessonReport | null> {
    this.pending = 'report';
    this.error = null;
    try {
      return await this.#api.invoke('lessons:report', { lang });
    } catch (err) {
      this.error = messageOf(err);
      return null;
    } finally {
      this.pending = null;
    }
  }

  /** Teacher: the lessons start again from step 1 (the runs stay in the lab notebook); `pin` is
   * the teacher PIN, when one is set. */
  async reset(pin?: string): Promise<boolean> {
    this.error = null;
    try {
      this.view = await this.#api.invoke('lessons:reset', pin ? { pin } : undefined);
      this.shown = null;
      return true;
    } catch (err) {
      this.error = messageOf(err);
      return false;
    }
  }

  dismissError(): void {
    this.error = null;
  }
}
