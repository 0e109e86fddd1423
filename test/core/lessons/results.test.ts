// What the Lessons tab shows, from the teacher's settings, the camper's progress and the lab
// notebook's records: which steps are on and open, which are done, the ladder, beat the notebook.
import { describe, expect, it } from 'vitest';
import type { LessonProgress, LessonSettings } from '../../../src-main/contract/lessons';
import type { RunRecord } from '../../../src-main/contract/runs';
import { lessonsView, stepAccess } from '../../../src-main/core/lessons';
import { DEFAULT_LESSON_SETTINGS } from '../../../src-main/core/lessons/settings';
import { DATASET, LETTERS, record, stepNetwork } from './records';

function settings(change: Partial<LessonSettings> = {}): LessonSettings {
  return { ...DEFAULT_LESSON_SETTINGS, ...change };
}

function progress(steps: Record<string, string>, current: string | null = null): LessonProgress {
  return {
    version: 1,
    current,
    steps: Object.fromEntries(
      Object.entries(steps).map(([step, runId]) => [
        step,
        { runId, origin: 'built' as const, startedAt: '2025-06-01T09:00:00.000Z' },
      ]),
    ),
  };
}

const lr = record({ id: 'run-lr', spec: stepNetwork('logistic-regression'), valAcc: 0.84 });
const mlp = record({ id: 'run-mlp', spec: stepNetwork('mlp'), valAcc: 0.88, secondsPerEpoch: 5 });
const pool = record({ id: 'run-pool', spec: stepNetwork('conv-maxpool'), valAcc: 0.9 });

describe('stepAccess', () => {
  it('opens every step that is on, unless the class keeps pace', () => {
    const s = settings({ off: ['mlp'] });
    expect(stepAccess(s, 'logistic-regression')).toEqual({ on: true, open: true });
    expect(stepAccess(s, 'mlp')).toEqual({ on: false, open: false });
    expect(stepAccess(s, 'fully-convolutional')).toEqual({ on: true, open: true });
  });

  it('with class pace opens the first `opened` steps that are on, skipping those turned off', () => {
    const s = settings({ off: ['mlp'], classPace: true, opened: 2 });
    expect(stepAccess(s, 'logistic-regression').open).toBe(true);
    expect(stepAccess(s, 'conv').open).toBe(true);
    expect(stepAccess(s, 'conv-maxpool').open).toBe(false);
  });
});

describe('lessonsView', () => {
  it('starts with no step done and the first step current', () => {
    const view = lessonsView({
      settings: settings(),
      progress: progress({}),
      records: [],
      activeRunId: null,
      letters: LETTERS,
    });
    expect(view.current).toBe('logistic-regression');
    expect(view.steps.every((s) => s.open && !s.done && s.run === null)).toBe(true);
    expect(view.ladder).toEqual([]);
    expect(view.canReport).toBe(false);
    expect(view.challenge.open).toBe(false);
  });

  it('marks steps done by their finished run and puts them on the ladder in order', () => {
    const view = lessonsView({
      settings: settings(),
      progress: progress({
        'conv-maxpool': 'run-pool',
        'logistic-regression': 'run-lr',
        mlp: 'run-mlp',
      }),
      records: [pool, mlp, lr],
      activeRunId: null,
      letters: LETTERS,
    });
    expect(view.steps.filter((s) => s.done).map((s) => s.id)).toEqual([
      'logistic-regression',
      'mlp',
      'conv-maxpool',
    ]);
    expect(view.ladder.map((p) => [p.number, p.params, p.valAcc])).toEqual([
      [1, 7_850, 0.84],
      [2, 101_770, 0.88],
      [4, 27_210, 0.9],
    ]);
    expect(view.ladder[1].seconds).toBe(mlp.history.length * 5);
    expect(view.current).toBe('conv');
    expect(view.canReport).toBe(true);
  });

  it('does not count a run that is training, stopped, gone, or on other letters', () => {
    const stopped = record({
      id: 'run-stop',
      spec: stepNetwork('mlp'),
      valAcc: 0.8,
      status: 'stopped',
    });
    const other = record({
      id: 'run-other',
      spec: stepNetwork('conv'),
      valAcc: 0.95,
      dataset: { ...DATASET, fingerprint: 'sample' },
    });
    const view = lessonsView({
      settings: settings(),
      progress: progress({
        'logistic-regression': 'run-lr',
        mlp: 'run-stop',
        conv: 'run-other',
        'conv-maxpool': 'run-gone',
        'typical-convnet': 'run-now',
      }),
      records: [lr, stopped, other],
      activeRunId: 'run-now',
      letters: LETTERS,
    });
    const byId = Object.fromEntries(view.steps.map((s) => [s.id, s]));
    expect(byId['logistic-regression'].done).toBe(true);
    expect(byId.mlp.run).toMatchObject({ status: 'stopped', epochs: 2 });
    expect(byId.mlp.done).toBe(false);
    expect(byId.conv.run?.sameLetters).toBe(false);
    expect(byId.conv.done).toBe(false);
    expect(byId['conv-maxpool'].run?.status).toBe('missing');
    expect(byId['typical-convnet'].run?.status).toBe('training');
    expect(view.ladder.map((p) => p.step)).toEqual(['logistic-regression']);
  });

  it('caps each step’s epochs with the teacher’s cap', () => {
    const view = lessonsView({
      settings: settings({ epochCap: 3 }),
      progress: progress({}),
      records: [],
      activeRunId: null,
      letters: LETTERS,
    });
    expect(view.steps.find((s) => s.id === 'mlp')).toMatchObject({ notebookEpochs: 20, epochs: 3 });
  });

  it('keeps the open step when it is open, else moves to the first open step not done', () => {
    const input = {
      progress: progress({ 'logistic-regression': 'run-lr' }, 'conv'),
      records: [lr],
      activeRunId: null,
      letters: LETTERS,
    };
    expect(lessonsView({ ...input, settings: settings() }).current).toBe('conv');
    const paced = settings({ classPace: true, opened: 2 });
    expect(lessonsView({ ...input, settings: paced }).current).toBe('mlp');
  });
});

describe('beat the notebook', () => {
  const all = ['logistic-regression', 'mlp', 'conv', 'conv-maxpool', 'typical-convnet'];
  const off = ['convnet-dense-dropout', 'batchnorm', 'fully-convolutional'];
  const done: RunRecord[] = all.map((id, i) =>
    record({ id: `run-${id}`, spec: stepNetwork(id), valAcc: [0.84, 0.88, 0.89, 0.9, 0.92][i] }),
  );
  const small = stepNetwork('conv-maxpool');
  const mine = (id: string, valAcc: number, filters: number) =>
    record({
      id,
      spec: {
        ...small,
        name: id,
        layers: small.layers.map((l) => (l.type === 'conv2d' ? { ...l, filters } : l)),
      },
      valAcc,
      day: 2,
    });

  it('opens when every step that is on is done, and aims at the best step within the budget', () => {
    const view = lessonsView({
      settings: settings({ off, budget: 25_000 }),
      progress: progress(Object.fromEntries(all.map((id) => [id, `run-${id}`]))),
      records: done,
      activeRunId: null,
      letters: LETTERS,
    });
    expect(view.challenge.open).toBe(true);
    // typical-convnet (21,498 parameters, 92%) fits; the MLP and conv do not.
    expect(view.challenge.target).toMatchObject({
      step: 'typical-convnet',
      number: 5,
      score: 0.92,
    });
    expect(view.challenge.entries).toEqual([]);
    expect(view.challenge.beaten).toBe(false);
  });

  it('scores the camper’s own networks within the budget on these letters, best first', () => {
    const records = [
      ...done,
      mine('mine-8', 0.91, 8), // 13,610 parameters
      mine('mine-12', 0.93, 12), // 20,410 parameters
      mine('mine-32', 0.95, 32), // over the budget
      { ...mine('mine-other', 0.99, 4), dataset: { ...DATASET, fingerprint: 'sample' } },
    ];
    const view = lessonsView({
      settings: settings({ off, budget: 25_000 }),
      progress: progress(Object.fromEntries(all.map((id) => [id, `run-${id}`]))),
      records,
      activeRunId: null,
      letters: LETTERS,
    });
    expect(view.challenge.entries.map((e) => [e.runId, e.score])).toEqual([
      ['mine-12', 0.93],
      ['mine-8', 0.91],
    ]);
    expect(view.challenge.overBudget).toBe(1);
    expect(view.challenge.beaten).toBe(true);
    // The ladder: the five steps, then the own networks as points without a step.
    expect(view.ladder.map((p) => p.step ?? p.runId)).toEqual([...all, 'mine-12', 'mine-8']);
  });

  it('never counts a notebook network trained again as the camper’s own', () => {
    const again = record({ id: 'again', spec: stepNetwork('conv-maxpool'), valAcc: 0.97, day: 3 });
    const view = lessonsView({
      settings: settings({ off, budget: 30_000 }),
      progress: progress(Object.fromEntries(all.map((id) => [id, `run-${id}`]))),
      records: [...done, again],
      activeRunId: null,
      letters: LETTERS,
    });
    expect(view.challenge.entries).toEqual([]);
  });
});
