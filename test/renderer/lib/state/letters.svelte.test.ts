// LettersState, LettersCheckState and ClassLettersState against a fake host: keeping letters,
// guided mode, the check on every letter (stale once the network changes), teaching runs followed
// through training events, and merging campers' files (a bad one reported, the others merged).
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  KeptLetter,
  LettersCollection,
  LettersEvaluation,
  LettersSummary,
  TeachingInfo,
} from '../../../../src-main/contract/letters';
import { AppState } from '../../../../src-renderer/lib/state/app.svelte';
import { ClassLettersState } from '../../../../src-renderer/lib/state/class-letters.svelte';
import {
  CHECK_MISTAKES_LIMIT,
  LettersCheckState,
} from '../../../../src-renderer/lib/state/letters-check.svelte';
import { LettersState } from '../../../../src-renderer/lib/state/letters.svelte';
import { FakeBridge, settle } from '../../fake-bridge';
import { evaluated, modelInfo, snapshot } from '../../fixtures';

function kept(i: number, label: number): KeptLetter {
  return {
    id: i.toString(16).padStart(16, '0'),
    label,
    pixels: new Array<number>(784).fill(i),
    heldBack: i % 5 === 0,
    camper: null,
  };
}

function collection(labels: number[]): LettersCollection {
  const letters = labels.map((label, i) => kept(i + 1, label));
  const countsPerClass = new Array<number>(10).fill(0);
  for (const l of labels) countsPerClass[l]++;
  return {
    which: 'mine',
    path: '/home/my-letters.mat',
    fileName: 'my-letters.mat',
    count: letters.length,
    countsPerClass,
    heldBack: letters.filter((l) => l.heldBack).length,
    campers: [],
    limit: 10000,
    letters,
  };
}

let bridge: FakeBridge;

beforeEach(() => {
  bridge = new FakeBridge();
});

describe('LettersState', () => {
  it('loads the collection, keeps a drawing and follows letters kept elsewhere', async () => {
    const letters = new LettersState(bridge.client());
    bridge.answer('letters:mine', collection([0, 1]));
    letters.start();
    await settle();
    expect(letters.collection?.count).toBe(2);
    bridge.answer('letters:add', ({ label }) => {
      const after = collection([0, 1, label]);
      return { collection: after, added: after.letters[2] };
    });
    expect(await letters.keep(new Array<number>(784).fill(9), 4)).toBe(true);
    expect(letters.lastKept?.label).toBe(4);
    expect(letters.counts.slice(0, 5)).toEqual([1, 1, 0, 0, 1]);
    // The Predict tab (or the CLI) kept one more: the tab reads the collection again.
    bridge.answer('letters:mine', collection([0, 1, 4, 7]));
    bridge.emit('letters:changed', { which: 'mine', count: 4 });
    await settle();
    expect(letters.collection?.count).toBe(4);
    // Its own change (the same count) does not ask again.
    const asked = bridge.count('letters:mine');
    bridge.emit('letters:changed', { which: 'mine', count: 4 });
    await settle();
    expect(bridge.count('letters:mine')).toBe(asked);
  });

  it('shows why a letter was not kept, and keeps nothing', async () => {
    const letters = new LettersState(bridge.client());
    bridge.refuse('letters:add', 'letters.duplicate', 'This very picture is already kept.');
    expect(await letters.keep(new Array<number>(784).fill(1), 0)).toBe(false);
    expect(letters.error).toBe('This very picture is already kept.');
    expect(letters.busy).toBe(false);
  });

  it('guides through the letters in turn, skipping on request', async () => {
    const letters = new LettersState(bridge.client());
    letters.collection = collection([0, 0, 1]);
    expect(letters.guideTarget).toBeNull();
    letters.startGuide(2);
    expect(letters.guideTarget).toBe(1);
    letters.collection = collection([0, 0, 1, 1]);
    expect(letters.guideTarget).toBe(2);
    letters.skipGuide();
    expect(letters.guideTarget).toBe(3);
    letters.collection = collection([
      0,
      0,
      1,
      1,
      ...[2, 2],
      ...[3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9],
    ]);
    expect(letters.guideTarget).toBeNull();
    letters.stopGuide();
    expect(letters.guide).toBeNull();
  });

  it('relabels and deletes, forgetting a deleted selection', async () => {
    const letters = new LettersState(bridge.client());
    letters.collection = collection([0, 1]);
    letters.select(letters.collection.letters[1].id);
    bridge.answer('letters:relabel', ({ label }) => collection([0, label]));
    await letters.relabel(letters.collection.letters[1].id, 6);
    expect(letters.selected?.label).toBe(6);
    bridge.answer('letters:delete', () => collection([0]));
    await letters.remove('0000000000000002');
    expect(letters.selectedId).toBeNull();
    expect(letters.collection?.count).toBe(1);
  });
});

function evaluation(key: string, name = 'Net'): LettersEvaluation {
  return {
    key,
    target: 'mine',
    label: 'My letters',
    classNames: ['A', 'B'],
    height: 28,
    width: 28,
    count: 10,
    correct: 6,
    accuracy: 0.6,
    perClass: [],
    confusion: [
      [3, 2],
      [2, 3],
    ],
    model: { name, source: 'run', epochs: 1, taughtWith: null },
    heldBack: { count: 2, correct: 1, accuracy: 0.5 },
    fonts: { count: 100, correct: 93, accuracy: 0.93, label: 'notMNIST_small.mat', source: 'file' },
    seconds: 0.1,
  };
}

function teachingInfo(patch: Partial<TeachingInfo> = {}): TeachingInfo {
  return {
    plan: {
      lettersPath: '/runs/x/taught-letters.mat',
      lettersLabel: 'My letters',
      mode: 'mixed',
      share: 0.25,
      holdBackByPicture: true,
      withFonts: true,
    },
    from: { name: 'Net', source: 'run', epochs: 1 },
    letters: { fileName: 'My letters', train: 8, heldBack: 2 },
    fonts: null,
    before: null,
    after: null,
    ...patch,
  };
}

describe('LettersCheckState', () => {
  it('checks every letter, then asks for the surest mistakes of that check', async () => {
    const check = new LettersCheckState(bridge.client());
    bridge.answer('letters:evaluate', evaluation('k1'));
    bridge.answer('letters:evaluation-mistakes', ({ key }) => evaluated(key, 3));
    await check.check();
    expect(check.result?.key).toBe('k1');
    expect(check.mistakes?.key).toBe('k1');
    expect(bridge.calls.find((c) => c.channel === 'letters:evaluation-mistakes')?.payload).toEqual({
      key: 'k1',
      limit: CHECK_MISTAKES_LIMIT,
    });
    check.model = modelInfo({ name: 'Net', epochs: 1 });
    expect(check.stale).toBe(false);
    check.model = modelInfo({ name: 'Net + my letters', epochs: 1 });
    expect(check.stale).toBe(true);
  });

  it('says what went wrong when the check fails', async () => {
    const check = new LettersCheckState(bridge.client());
    bridge.refuse('letters:evaluate', 'letters.too-few', 'You have not kept any letters yet.');
    await check.check();
    expect(check.checkError).toBe('You have not kept any letters yet.');
    expect(check.checking).toBe(false);
  });

  it('starts a teaching run and follows it through the training events', async () => {
    const check = new LettersCheckState(bridge.client());
    bridge.answer('predict:model', modelInfo());
    bridge.answer('training:state', snapshot({ status: 'idle' }));
    check.start();
    await settle();
    check.setMode('only');
    expect(check.epochs).toBe(10);
    bridge.answer('letters:teach', () =>
      snapshot({ runId: 't1', status: 'starting', teaching: teachingInfo() }),
    );
    expect(await check.teach()).toBe(true);
    expect(bridge.calls.at(-1)?.payload).toEqual({
      which: 'mine',
      mode: 'only',
      share: 0.25,
      epochs: 10,
    });
    expect(check.teaching).toBe(true);
    const before = { heldBack: { count: 2, correct: 0, accuracy: 0 }, fonts: null };
    bridge.emit(
      'training:state',
      snapshot({
        runId: 't1',
        status: 'finished',
        teaching: teachingInfo({ before, after: before }),
      }),
    );
    await settle();
    expect(check.teaching).toBe(false);
    expect(check.run?.teaching?.after).toEqual(before);
    // An ordinary run afterwards leaves the last teaching result on show.
    bridge.emit('training:state', snapshot({ runId: 'r2', status: 'running' }));
    expect(check.run?.runId).toBe('t1');
    expect(check.trainingBusy).toBe(true);
  });
});

describe('ClassLettersState', () => {
  const summary = (count: number): LettersSummary => ({
    which: 'class',
    path: '/home/class-letters.mat',
    fileName: 'class-letters.mat',
    count,
    countsPerClass: new Array<number>(10).fill(0),
    heldBack: 0,
    campers: [{ name: 'Ola', count }],
    limit: 10000,
  });

  function file(name: string): File {
    return new File([new Uint8Array([1, 2, 3])], name);
  }

  it('merges files one by one, reporting a refused one and going on', async () => {
    const cls = new ClassLettersState(bridge.client(), new AppState(bridge.client()));
    bridge.answer('letters:class-add', ({ name, bytes }) => {
      expect(Array.from(bytes)).toEqual([1, 2, 3]);
      if (name === 'bad.mat') throw new Error('not reached');
      return {
        files: [{ name, letters: 3, added: 3, duplicates: 0, campers: [] }],
        added: 3,
        duplicates: 0,
        summary: summary(3),
      };
    });
    await cls.addFiles([file('ola.mat')]);
    bridge.refuse('letters:class-add', 'mat.not-mat', 'This is not a MATLAB MAT-file.');
    await cls.addFiles([file('bad.mat')]);
    expect(cls.merged.map((f) => f.name)).toEqual(['ola.mat']);
    expect(cls.refused).toEqual([{ name: 'bad.mat', message: 'This is not a MATLAB MAT-file.' }]);
    expect(cls.summary?.count).toBe(3);
  });

  it('exports with the camper’s name and opens a collection in the Letters tab', async () => {
    const app = new AppState(bridge.client());
    app.section = 'mine';
    const cls = new ClassLettersState(bridge.client(), app);
    bridge.answer('letters:export', { path: '/home/exports/ola-letters.mat', chosen: false });
    cls.camper = '  Ola ';
    await cls.exportFile('mine');
    expect(bridge.calls.at(-1)?.payload).toEqual({ which: 'mine', camper: 'Ola' });
    expect(cls.exported?.result?.path).toBe('/home/exports/ola-letters.mat');
    bridge.refuse('letters:open', 'letters.too-few', 'The class file is empty.');
    await cls.open('class');
    expect(cls.error).toBe('The class file is empty.');
    expect(app.section).toBe('mine');
  });
});
