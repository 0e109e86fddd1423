// LessonsState against a fake host: the view follows the host's lessons:changed, the step on
// screen follows the camper (a closed step is shown but not asked for), a late answer never
// replaces a newer one, and training and the report say why the host refused.
import { beforeEach, describe, expect, it } from 'vitest';
import type { LessonSettings, LessonsView } from '../../../../src-main/contract/lessons';
import { lessonStep, lessonsView, stepSpec } from '../../../../src-main/core/lessons';
import { DEFAULT_LESSON_SETTINGS } from '../../../../src-main/core/lessons/settings';
import { LessonsState } from '../../../../src-renderer/lib/state/lessons.svelte';
import { FakeBridge, settle } from '../../fake-bridge';

function view(settings: Partial<LessonSettings> = {}, current: string | null = null): LessonsView {
  return lessonsView({
    settings: { ...DEFAULT_LESSON_SETTINGS, ...settings },
    progress: { version: 1, current, steps: {} },
    records: [],
    activeRunId: null,
    letters: {
      label: 'Sample letters',
      fingerprint: 'f',
      splitSeed: 42,
      testFraction: 0.2,
      split: 'sklearn',
    },
  });
}

let bridge: FakeBridge;
let lessons: LessonsState;

beforeEach(() => {
  bridge = new FakeBridge().answer('lessons:state', view());
  lessons = new LessonsState(bridge.client());
});

describe('LessonsState', () => {
  it('asks for the lessons, and again whenever the host says they changed', async () => {
    lessons.start();
    await settle();
    expect(lessons.step?.id).toBe('logistic-regression');
    expect(lessons.steps).toHaveLength(8);
    bridge.answer('lessons:state', view({ off: ['mlp', 'conv'] }));
    bridge.emit('lessons:changed', { at: '2025-06-01T09:00:00.000Z' });
    await settle();
    expect(bridge.count('lessons:state')).toBe(2);
    expect(lessons.steps.map((s) => s.number)).toEqual([1, 4, 5, 6, 7, 8]);
  });

  it('shows the step picked; remembers an open one, only shows a closed one', async () => {
    bridge.answer('lessons:state', view({ classPace: true, opened: 2 }));
    await lessons.refresh();
    bridge.answer('lessons:select', ({ step }) => view({ classPace: true, opened: 2 }, step));
    await lessons.show('mlp');
    expect(lessons.step?.id).toBe('mlp');
    expect(lessons.view?.current).toBe('mlp');
    await lessons.show('conv');
    expect(lessons.step?.id).toBe('conv');
    expect(lessons.step?.open).toBe(false);
    expect(bridge.count('lessons:select')).toBe(1);
  });

  it('keeps the newest view when an older answer comes late', async () => {
    await lessons.refresh();
    bridge.hold('lessons:state');
    const old = lessons.refresh();
    const fresh = lessons.refresh();
    const first = await bridge.next('lessons:state');
    (await bridge.next('lessons:state')).answer(view({ epochCap: 2 }));
    await fresh;
    first.answer(view({ epochCap: 7 }));
    await old;
    expect(lessons.view?.settings.epochCap).toBe(2);
  });

  it('trains a step with the builder’s network and says why the host refused', async () => {
    bridge.refuse('lessons:train', 'lessons.locked', 'Build this network yourself.');
    const spec = stepSpec(lessonStep('logistic-regression')!, 10, 'Mine');
    expect(await lessons.train('logistic-regression', spec, 'ready-made')).toBe(false);
    expect(lessons.error).toBe('Build this network yourself.');
    expect(lessons.pending).toBeNull();
    bridge.hold('lessons:train');
    const started = lessons.train('logistic-regression', spec, 'built');
    const request = await bridge.next('lessons:train');
    expect(lessons.pending).toBe('train');
    expect(request.payload).toEqual({ step: 'logistic-regression', spec, origin: 'built' });
    request.answer({
      runId: 'r1',
      status: 'starting',
      spec,
      targetEpochs: 10,
      history: [],
      batchCurve: [],
      lastBatch: null,
      backend: null,
      message: null,
      savedEpoch: 0,
      seq: 1,
      dataset: null,
      stoppedAt: null,
    });
    expect(await started).toBe(true);
    expect(lessons.error).toBeNull();
    expect(bridge.count('lessons:state')).toBe(1);
  });

  it('starts the lessons again for a teacher, back on the first step', async () => {
    bridge.answer('lessons:state', view({}, 'mlp'));
    await lessons.refresh();
    await lessons.show('conv');
    bridge.answer('lessons:reset', view());
    expect(await lessons.reset()).toBe(true);
    expect(lessons.step?.id).toBe('logistic-regression');
    // With a teacher PIN, the PIN goes along.
    expect(await lessons.reset('2468')).toBe(true);
    expect(bridge.calls.at(-1)?.payload).toEqual({ pin: '2468' });
  });

  it('returns the report, or null with the host’s reason', async () => {
    bridge.answer('lessons:report', { html: '<!doctype html>', fileName: 'r.html' });
    expect(await lessons.report('pl')).toEqual({ html: '<!doctype html>', fileName: 'r.html' });
    expect(bridge.calls.at(-1)?.payload).toEqual({ lang: 'pl' });
    bridge.refuse('lessons:report', 'lessons.nothing-done', 'No step is done yet.');
    expect(await lessons.report('en')).toBeNull();
    expect(lessons.error).toBe('No step is done yet.');
    lessons.dismissError();
    expect(lessons.error).toBeNull();
  });
});
