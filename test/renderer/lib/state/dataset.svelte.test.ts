// DatasetState against a fake host: one operation at a time, stale grid and image replies dropped,
// a failed load keeps the letters open before, stray progress cleared.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DatasetState,
  GRID_PER_CLASS,
  UPLOAD_LIMIT_BYTES,
} from '../../../../src-renderer/lib/state/dataset.svelte';
import { FakeBridge, settle } from '../../fake-bridge';
import { datasetInfo, letter } from '../../fixtures';

let bridge: FakeBridge;
let dataset: DatasetState;

/** A grid whose first letter's index tells which request it answers. */
function grid(first: number) {
  return { classes: [{ label: 0, images: [letter(first)] }] };
}

beforeEach(() => {
  bridge = new FakeBridge()
    .answer('dataset:current', datasetInfo())
    .answer('dataset:grid', ({ seed }) => grid(seed % 100))
    .answer('dataset:image', ({ index }) => letter(index));
  dataset = new DatasetState(bridge.client());
});

afterEach(() => {
  vi.useRealTimers();
});

describe('DatasetState', () => {
  it('shows what the host has open: its grid and its first letter', async () => {
    dataset.start();
    dataset.start();
    await settle();
    expect(bridge.count('dataset:current')).toBe(1);
    expect(dataset.info?.fingerprint).toBe('f1');
    expect(dataset.busy).toBe(false);
    expect(bridge.calls.find((c) => c.channel === 'dataset:grid')?.payload).toEqual({
      perClass: GRID_PER_CLASS,
      seed: dataset.gridSeed,
    });
    expect(dataset.grid).toEqual(grid(dataset.gridSeed % 100).classes);
    expect(dataset.selected?.index).toBe(0);
  });

  it('keeps the grid of the last shuffle when an earlier one answers late', async () => {
    dataset.start();
    await settle();
    bridge.hold('dataset:grid');
    const first = dataset.reshuffle();
    const firstSeed = dataset.gridSeed;
    const second = dataset.reshuffle();
    const secondSeed = dataset.gridSeed;
    const slow = await bridge.next('dataset:grid');
    const fast = await bridge.next('dataset:grid');
    expect(slow.payload.seed).toBe(firstSeed);
    expect(fast.payload.seed).toBe(secondSeed);
    fast.answer(grid(2));
    await second;
    expect(dataset.gridLoading).toBe(false);
    slow.answer(grid(1));
    await first;
    expect(dataset.grid?.[0].images[0].index).toBe(2);
    expect(dataset.gridLoading).toBe(false);
  });

  it('shows the letter picked last, clamped to the set, whatever order the answers come in', async () => {
    dataset.start();
    await settle();
    bridge.hold('dataset:image');
    const first = dataset.select(7);
    const second = dataset.select(250);
    const slow = await bridge.next('dataset:image');
    const fast = await bridge.next('dataset:image');
    expect(fast.payload).toEqual({ index: 99 });
    fast.answer(letter(99));
    slow.answer(letter(7));
    await Promise.all([first, second]);
    expect(dataset.selectedIndex).toBe(99);
    expect(dataset.selected?.index).toBe(99);
  });

  it('does one operation at a time and says so', async () => {
    dataset.start();
    await settle();
    bridge.hold('dataset:open-sample');
    const opening = dataset.openSample();
    expect(dataset.task).toEqual({ kind: 'sample' });
    await dataset.choose();
    expect(dataset.problem).toEqual({ kind: 'busy' });
    expect(bridge.count('dataset:choose')).toBe(0);
    (await bridge.next('dataset:open-sample')).answer(
      datasetInfo({ source: 'sample', fingerprint: 's1', count: 50 }),
    );
    await opening;
    expect(dataset.task).toBeNull();
    expect(dataset.info?.fingerprint).toBe('s1');
  });

  it('takes a file as soon as the host has opened the letters, while the viewer still loads', async () => {
    bridge.hold('dataset:image').answer('dataset:upload', datasetInfo({ fingerprint: 'u1' }));
    dataset.start();
    const image = await bridge.next('dataset:image');
    await settle();
    expect(dataset.grid).not.toBeNull();
    expect(dataset.busy).toBe(false);
    const uploading = dataset.upload(new File([new Uint8Array([1, 2, 3])], 'letters.mat'));
    await settle();
    expect(dataset.problem).toBeNull();
    expect(bridge.count('dataset:upload')).toBe(1);
    expect(dataset.info?.fingerprint).toBe('u1');
    // The first letters' late image is not shown over the new letters' viewer.
    const fresh = await bridge.next('dataset:image');
    fresh.answer(letter(0));
    image.answer(letter(5));
    await uploading;
    await settle();
    expect(dataset.selected?.index).toBe(0);
  });

  it('keeps the letters open before when a file is refused', async () => {
    dataset.start();
    await settle();
    bridge.refuse('dataset:upload', 'mat.not-mat', 'This file is not a MATLAB .mat file.');
    await dataset.upload(new File([new Uint8Array([1, 2, 3])], 'letters.mat'));
    expect(bridge.calls.at(-1)?.payload).toEqual({
      name: 'letters.mat',
      bytes: new Uint8Array([1, 2, 3]),
    });
    // The host's code and its own words are kept, for the headline and the teacher's detail.
    expect(dataset.problem).toEqual({
      kind: 'message',
      message: 'This file is not a MATLAB .mat file.',
      during: 'open',
      error: { code: 'mat.not-mat', message: 'This file is not a MATLAB .mat file.' },
    });
    expect(dataset.info?.fingerprint).toBe('f1');
    expect(dataset.task).toBeNull();
  });

  it('refuses a file over the host’s limit before sending it', async () => {
    const file = new File([], 'huge.mat');
    Object.defineProperty(file, 'size', { value: UPLOAD_LIMIT_BYTES + 1 });
    await dataset.upload(file);
    expect(dataset.problem).toEqual({ kind: 'too-large', name: 'huge.mat', bytes: file.size });
    expect(bridge.count('dataset:upload')).toBe(0);
  });

  it('keeps the grid on a new split of the same letters, and shows the split’s marks', async () => {
    dataset.start();
    await settle();
    const grids = bridge.count('dataset:grid');
    bridge.answer('dataset:split', ({ seed, testFraction }) =>
      datasetInfo({ split: { train: 70, test: 30, seed, testFraction } }),
    );
    expect(await dataset.resplit(7, 0.3)).toBe(true);
    expect(dataset.info?.split.seed).toBe(7);
    expect(bridge.count('dataset:grid')).toBe(grids);
    expect(bridge.calls.at(-1)).toEqual({ channel: 'dataset:image', payload: { index: 0 } });
  });

  it('clears progress of a load it did not start after a quiet while', async () => {
    vi.useFakeTimers();
    dataset.start();
    await vi.advanceTimersByTimeAsync(0);
    bridge.emit('dataset:progress', { stage: 'reading', fraction: 0.5 });
    expect(dataset.showProgress).toBe(true);
    await vi.advanceTimersByTimeAsync(2999);
    bridge.emit('dataset:progress', { stage: 'reading', fraction: 0.6 });
    await vi.advanceTimersByTimeAsync(2999);
    expect(dataset.progress?.fraction).toBe(0.6);
    await vi.advanceTimersByTimeAsync(1);
    expect(dataset.progress).toBeNull();
    expect(dataset.showProgress).toBe(false);
  });

  it('shows letters another window opened', async () => {
    dataset.start();
    await settle();
    bridge.emit(
      'dataset:changed',
      datasetInfo({ fingerprint: 'f2', fileName: 'other.mat', version: 2 }),
    );
    await settle();
    expect(dataset.info?.fileName).toBe('other.mat');
    expect(dataset.selected?.index).toBe(0);
  });

  it('keeps newer letters when the event of an older open arrives after them', async () => {
    bridge
      .answer(
        'dataset:upload',
        datasetInfo({ fingerprint: 'u1', fileName: 'mine.mat', version: 2 }),
      )
      .answer(
        'dataset:open-sample',
        datasetInfo({ source: 'sample', fingerprint: 's1', version: 3 }),
      );
    dataset.start();
    await settle();
    await dataset.upload(new File([new Uint8Array([1, 2, 3])], 'mine.mat'));
    await dataset.openSample();
    const grids = bridge.count('dataset:grid');
    // The upload's event, crossed with the sample's answer on the way.
    bridge.emit(
      'dataset:changed',
      datasetInfo({ fingerprint: 'u1', fileName: 'mine.mat', version: 2 }),
    );
    await settle();
    expect(dataset.info?.fingerprint).toBe('s1');
    expect(bridge.count('dataset:grid')).toBe(grids);
  });
});
