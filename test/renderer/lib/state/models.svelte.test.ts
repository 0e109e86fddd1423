// ModelsState against a fake host: every change is followed by the list from disk, a refusal shows
// the host's words, a new run takes predictions back from a loaded model.
import { beforeEach, describe, expect, it } from 'vitest';
import { ModelsState } from '../../../../src-renderer/lib/state/models.svelte';
import { FakeBridge, settle } from '../../fake-bridge';
import { savedModel, snapshot } from '../../fixtures';

let bridge: FakeBridge;
let models: ModelsState;

beforeEach(() => {
  bridge = new FakeBridge()
    .answer('models:list', [savedModel('m1', 'First'), savedModel('m2', 'Second')])
    .answer('models:in-use', { id: null });
  models = new ModelsState(bridge.client());
});

describe('ModelsState', () => {
  it('lists the saved networks and the one in use', async () => {
    bridge.answer('models:in-use', { id: 'm2' });
    models.start();
    await settle();
    expect(models.loaded).toBe(true);
    expect(models.entries.map((e) => e.id)).toEqual(['m1', 'm2']);
    expect(models.inUseId).toBe('m2');
    expect(models.nameOf('m1')).toBe('First');
    expect(models.nameOf('gone')).toBe('gone');
  });

  it('asks for the list again after a change, and says what happened', async () => {
    await models.refresh();
    bridge
      .answer('models:rename', ({ id, name }) => savedModel(id, name))
      .answer('models:list', [savedModel('m1', 'Renamed'), savedModel('m2', 'Second')]);
    expect(await models.rename('m1', 'Renamed')).toBe(true);
    expect(bridge.calls.slice(-2).map((c) => c.channel)).toEqual(['models:rename', 'models:list']);
    expect(models.notice).toEqual({ kind: 'renamed', name: 'Renamed' });
    expect(models.nameOf('m1')).toBe('Renamed');
    expect(models.busy).toBe(false);
  });

  it('shows the host’s words and still lists what is on disk when a change is refused', async () => {
    await models.refresh();
    bridge.refuse('models:delete', 'model.not-found', 'That saved network is gone.');
    bridge.answer('models:list', [savedModel('m2', 'Second')]);
    expect(await models.remove('m1')).toBe(false);
    expect(models.error).toBe('That saved network is gone.');
    expect(models.notice).toBeNull();
    expect(models.entries.map((e) => e.id)).toEqual(['m2']);
  });

  it('marks which model is in use while a request runs, and forgets it on a new run', async () => {
    models.start();
    await settle();
    bridge.hold('models:load');
    const loading = models.load('m1');
    expect(models.task).toEqual({ kind: 'load', id: 'm1' });
    expect(models.busy).toBe(true);
    (await bridge.next('models:load')).answer(savedModel('m1', 'First').meta!);
    expect(await loading).toBe(true);
    expect(models.inUseId).toBe('m1');
    expect(models.notice).toEqual({ kind: 'loaded', name: 'First' });

    bridge.emit('training:state', snapshot({ runId: 'r1', status: 'running' }));
    expect(models.inUseId).toBe('m1');
    bridge.emit('training:state', snapshot({ runId: 'r2', status: 'starting' }));
    expect(models.inUseId).toBeNull();
  });

  it('says nothing when the camper cancels an export dialog', async () => {
    await models.refresh();
    bridge.answer('models:export', null);
    expect(await models.exportModel('m1')).toBe(true);
    expect(models.notice).toBeNull();
    bridge.answer('models:export', { path: '/home/camper/First', chosen: true });
    await models.exportModel('m1');
    expect(models.notice).toEqual({
      kind: 'exported',
      name: 'First',
      result: { path: '/home/camper/First', chosen: true },
    });
  });
});
