// The Lessons through the real API registry: the teacher's lesson settings (checked, kept in the
// settings file), class pace, the ready-made lock, the "build it" check, a real lesson run of
// step 1 on the sample letters in a real training process (capped to 1 epoch by the teacher),
// its result surviving a restart, the lessons' report, and a damaged progress file.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonStep, stepSpec } from '../../src-main/core/lessons';
import type { HostContext } from '../../src-main/host/context';
import { setupDataset } from '../../src-main/host/dataset';
import { setupLessons } from '../../src-main/host/lessons';
import { ApiRegistry } from '../../src-main/host/registry';
import { setupModels } from '../../src-main/host/models';
import { setupRuns } from '../../src-main/host/runs';
import { setupSettings } from '../../src-main/host/settings-api';
import { forkNodeTrainer } from '../../src-main/host/trainer-connection';
import { setupTraining } from '../../src-main/host/training';
import { hostCalls, makeHostContext, type HostCalls } from '../helpers/host';

interface Host extends HostCalls {
  ctx: HostContext;
}

async function makeHost(userData: string): Promise<Host> {
  const ctx = await makeHostContext(userData, { mode: 'web', forkTrainer: forkNodeTrainer });
  const registry = new ApiRegistry();
  setupSettings(registry, ctx);
  setupDataset(registry, ctx);
  setupTraining(registry, ctx);
  const recorder = setupRuns(registry, ctx, setupModels(registry, ctx));
  setupLessons(registry, ctx, recorder);
  return { ctx, ...hostCalls(registry) };
}

/** The id of the next run whose end is recorded (run.json is written from a run's start on). */
function nextRecorded(host: Host): Promise<string> {
  return new Promise((resolve) => {
    const off = host.ctx.events.subscribe((event, payload) => {
      if (event !== 'runs:changed') return;
      const { id } = payload as { id: string };
      const file = path.join(host.ctx.paths.userData, 'runs', id, 'run.json');
      void readFile(file, 'utf8').then(
        (text) => {
          if ((JSON.parse(text) as { status: string }).status === 'running') return;
          off();
          resolve(id);
        },
        () => undefined,
      );
    });
  });
}

const first = lessonStep('logistic-regression')!;
const second = lessonStep('mlp')!;

let home: string;
let userData: string;
let host: Host;
let runId: string;

describe('lessons (host)', () => {
  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-lessons-host-'));
    userData = path.join(home, 'user');
    host = await makeHost(userData);
    await host.call('dataset:open-sample');
  });
  afterAll(async () => {
    host?.ctx.session.training?.dispose();
    await rm(home, { recursive: true, force: true });
  });

  it('starts on step 1 with every step open and nothing done', async () => {
    const view = await host.call('lessons:state');
    expect(view.current).toBe('logistic-regression');
    expect(view.steps).toHaveLength(8);
    expect(view.steps.every((s) => s.on && s.open && !s.done)).toBe(true);
    expect(view.settings).toEqual({
      off: [],
      epochCap: null,
      lockReadyMade: false,
      classPace: false,
      opened: 1,
      budget: 25_000,
    });
    expect(view.letters).toMatch(/Sample letters/);
  });

  it('keeps the teacher’s lesson settings, refusing impossible ones with a reason', async () => {
    const all = (await host.call('lessons:state')).steps.map((s) => s.id);
    expect((await host.fail('settings:update', { lessons: { off: all } })).message).toMatch(
      /leave at least one step on/,
    );
    expect((await host.fail('settings:update', { lessons: { epochCap: 0 } })).message).toMatch(
      /epoch cap must be a whole number from 1 to 100/,
    );
    expect((await host.fail('settings:update', { lessons: { budget: 5 } })).message).toMatch(
      /budget must be at least 100/,
    );
    expect((await host.fail('settings:update', { lessons: { pace: true } })).code).toBe(
      'api.bad-request',
    );
    await host.call('settings:update', { lessons: { epochCap: 1, off: ['batchnorm'] } });
    const view = await host.call('lessons:state');
    expect(view.settings).toMatchObject({ epochCap: 1, off: ['batchnorm'], budget: 25_000 });
    expect(view.steps.find((s) => s.id === 'mlp')).toMatchObject({ epochs: 1, notebookEpochs: 20 });
    expect(view.steps.find((s) => s.id === 'batchnorm')).toMatchObject({ on: false, open: false });
    const file = JSON.parse(await readFile(path.join(userData, 'settings.json'), 'utf8'));
    expect(file.lessons.epochCap).toBe(1);
  });

  it('with class pace, refuses a step the teacher has not opened yet', async () => {
    await host.call('settings:update', { lessons: { classPace: true, opened: 1 } });
    const closed = await host.fail('lessons:select', { step: 'mlp' });
    expect(closed).toMatchObject({ code: 'lessons.closed' });
    expect(closed.message).toMatch(/Step 2 is not open yet/);
    const training = await host.fail('lessons:train', {
      step: 'mlp',
      spec: stepSpec(second, 1),
      origin: 'built',
    });
    expect(training.code).toBe('lessons.closed');
    await host.call('settings:update', { lessons: { opened: 2 } });
    expect((await host.call('lessons:select', { step: 'mlp' })).current).toBe('mlp');
    await host.call('settings:update', { lessons: { classPace: false } });
  });

  it('refuses a network that is not the step’s, saying what to change', async () => {
    const spec = stepSpec(second, 1);
    spec.layers = spec.layers.filter((l) => l.type !== 'dense');
    const wrong = await host.fail('lessons:train', { step: 'mlp', spec, origin: 'built' });
    expect(wrong.code).toBe('lessons.not-the-network');
    expect(wrong.message).toMatch(
      /^This is not step 2’s network yet\. Add Dense\(128\) after Flatten\./,
    );
  });

  it('refuses the ready-made network when the teacher locked it', async () => {
    await host.call('settings:update', { lessons: { lockReadyMade: true } });
    const locked = await host.fail('lessons:train', {
      step: 'logistic-regression',
      spec: stepSpec(first, 10),
      origin: 'ready-made',
    });
    expect(locked.code).toBe('lessons.locked');
  });

  it('trains a step for the capped epochs and shows what happened', async () => {
    const recorded = nextRecorded(host);
    const state = await host.call('lessons:train', {
      step: 'logistic-regression',
      spec: stepSpec(first, 10, 'Moja regresja'),
      origin: 'built',
    });
    expect(state.targetEpochs).toBe(1);
    runId = await recorded;
    expect(runId).toBe(state.runId);
    const view = await host.call('lessons:state');
    const step = view.steps[0];
    expect(step.done).toBe(true);
    expect(step.run).toMatchObject({
      runId,
      origin: 'built',
      status: 'finished',
      epochs: 1,
      params: 7850,
    });
    expect(step.run!.valAcc).toBeGreaterThan(0.2);
    expect(view.ladder).toEqual([
      expect.objectContaining({ runId, step: 'logistic-regression', number: 1, params: 7850 }),
    ]);
    expect(view.canReport).toBe(true);
  });

  it('keeps the progress across a restart', async () => {
    const again = await makeHost(userData);
    await again.call('dataset:open-sample');
    const view = await again.call('lessons:state');
    expect(view.steps[0]).toMatchObject({ done: true, run: { runId } });
    expect(view.settings.lockReadyMade).toBe(true);
    expect(view.warning).toBeNull();
  });

  it('makes the lessons’ report with the step, its curves and its answers', async () => {
    const { html, fileName } = await host.call('lessons:report', { lang: 'pl' });
    expect(fileName).toMatch(/^letter-lab-lessons-\d{4}-\d\d-\d\d-\d{4}\.html$/);
    expect(html).toContain('<h2>Krok 1: Regresja logistyczna</h2>');
    expect(html.match(/<figure><img src="data:image\/png;base64,/g)).toHaveLength(8);
    expect(html).toContain('<h2>Drabina</h2>');
  });

  it('starts the lessons again for a new group, keeping the runs in the lab notebook', async () => {
    const view = await host.call('lessons:reset');
    expect(view.steps.every((s) => s.run === null && !s.done)).toBe(true);
    expect(view.current).toBe('logistic-regression');
    expect((await host.call('runs:list')).map((e) => e.id)).toContain(runId);
    const file = JSON.parse(await readFile(path.join(userData, 'lessons.json'), 'utf8'));
    expect(file).toEqual({ version: 1, current: null, steps: {} });
  });

  it('with a teacher PIN, only the teacher changes the lessons’ settings or starts them again', async () => {
    await host.call('settings:pin', { next: '2468' });
    try {
      const asked = await host.fail('settings:update', { lessons: { lockReadyMade: false } });
      expect(asked).toMatchObject({ code: 'settings.wrong-pin' });
      expect(asked.message).toMatch(/type the teacher PIN/);
      const wrong = await host.fail('settings:update', {
        lessons: { epochCap: 20 },
        pin: '1111',
      });
      expect(wrong.message).toMatch(/not the teacher PIN/);
      expect((await host.call('lessons:state')).settings).toMatchObject({
        lockReadyMade: true,
        epochCap: 1,
      });
      // What changes nothing, and the camper's own choices, need no PIN.
      await host.call('settings:update', { lessons: { lockReadyMade: true } });
      await host.call('settings:update', { language: 'pl' });
      await host.call('settings:update', { lessons: { epochCap: 2 }, pin: '2468' });
      expect((await host.call('lessons:state')).settings.epochCap).toBe(2);

      expect(await host.fail('lessons:reset')).toMatchObject({ code: 'settings.wrong-pin' });
      const view = await host.call('lessons:reset', { pin: '2468' });
      expect(view.current).toBe('logistic-regression');
    } finally {
      await host.call('settings:pin', { current: '2468', next: null });
    }
  });

  it('starts the lessons again when the progress file is damaged, saying so', async () => {
    await writeFile(path.join(userData, 'lessons.json'), '{ not json');
    const again = await makeHost(userData);
    const view = await again.call('lessons:state');
    expect(view.steps[0].run).toBeNull();
    expect(view.warning).toMatch(/damaged/);
    expect(await again.fail('lessons:report', { lang: 'en' })).toMatchObject({
      code: 'lessons.nothing-done',
    });
  });
});
