// NotebookState against a fake host: picked runs follow the list, at most MAX_PICKED are compared,
// a late comparison or list never replaces a newer one.
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunComparison } from '../../../../src-main/contract/runs';
import { MAX_PICKED, NotebookState } from '../../../../src-renderer/lib/state/notebook.svelte';
import { FakeBridge, settle } from '../../fake-bridge';
import { runEntry } from '../../fixtures';

let bridge: FakeBridge;
let notebook: NotebookState;

function comparison(ids: string[]): RunComparison {
  return {
    rows: [],
    changes: ids.slice(1).map((to, i) => ({ from: ids[i], to, changes: [] })),
    sameData: true,
  };
}

beforeEach(() => {
  bridge = new FakeBridge().answer('runs:list', [
    runEntry('b', '2025-01-02T10:00:00.000Z'),
    runEntry('a', '2025-01-01T10:00:00.000Z'),
    { ...runEntry('broken'), record: null, problem: 'run.json is missing' },
  ]);
  notebook = new NotebookState(bridge.client());
});

describe('NotebookState', () => {
  it('lists the runs, and again whenever the host says one changed', async () => {
    notebook.start();
    await settle();
    expect(notebook.loaded).toBe(true);
    expect(notebook.entries.map((e) => e.id)).toEqual(['b', 'a', 'broken']);
    bridge.emit('runs:changed', { id: 'c' });
    await settle();
    expect(bridge.count('runs:list')).toBe(2);
  });

  it('compares the picked runs oldest first, up to MAX_PICKED', async () => {
    await notebook.refresh();
    expect(notebook.toggle('b')).toBe(true);
    expect(notebook.toggle('a')).toBe(true);
    expect(notebook.pickedRecords.map((r) => r.id)).toEqual(['a', 'b']);
    bridge.answer('runs:compare', ({ ids }) => comparison(ids));
    await notebook.compare('pl');
    expect(bridge.calls.at(-1)?.payload).toEqual({ ids: ['a', 'b'], lang: 'pl' });
    expect(notebook.comparison?.changes).toEqual([{ from: 'a', to: 'b', changes: [] }]);

    for (let i = 0; i < MAX_PICKED - 2; i++) expect(notebook.toggle(`x${i}`)).toBe(true);
    expect(notebook.toggle('one-too-many')).toBe(false);
    expect(notebook.picked).toHaveLength(MAX_PICKED);
    expect(notebook.toggle('a')).toBe(true);
    expect(notebook.isPicked('a')).toBe(false);
  });

  it('unpicks runs that are gone or lost their record', async () => {
    await notebook.refresh();
    notebook.toggle('a');
    notebook.toggle('b');
    bridge.answer('runs:list', [runEntry('b'), { ...runEntry('a'), record: null, problem: 'bad' }]);
    await notebook.refresh();
    expect(notebook.picked).toEqual(['b']);
  });

  it('keeps the comparison of the last pick when an earlier one answers late', async () => {
    await notebook.refresh();
    bridge.hold('runs:compare');
    notebook.toggle('a');
    const first = notebook.compare('en');
    notebook.toggle('b');
    const second = notebook.compare('en');
    const slow = await bridge.next('runs:compare');
    (await bridge.next('runs:compare')).answer(comparison(['a', 'b']));
    await second;
    slow.refuse('api.bad-request', 'Pick at least two runs.');
    await first;
    expect(notebook.comparison?.changes).toHaveLength(1);
    expect(notebook.error).toBeNull();
  });

  it('removes a deleted run from the list and the picks; keeps both when refused', async () => {
    await notebook.refresh();
    notebook.toggle('a');
    bridge.refuse('runs:delete', 'file.unreadable', 'The run folder could not be removed.');
    expect(await notebook.remove('a')).toBe(false);
    expect(notebook.error).toBe('The run folder could not be removed.');
    expect(notebook.isPicked('a')).toBe(true);
    bridge.answer('runs:delete', ({ id }) => ({ id }));
    expect(await notebook.remove('a')).toBe(true);
    expect(notebook.error).toBeNull();
    expect(notebook.isPicked('a')).toBe(false);
    expect(notebook.entries.map((e) => e.id)).toEqual(['b', 'broken']);
  });
});
