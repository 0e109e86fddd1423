// SettingsState against a fake host: the teacher's file decides the language and the preset lock.
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../src-renderer/lib/i18n/i18n.svelte';
import { SettingsState } from '../../../../src-renderer/lib/state/settings.svelte';
import { FakeBridge } from '../../fake-bridge';
import { settingsView } from '../../fixtures';

/** The UI language as the settings see it; `switches` records each switch and whether it is kept. */
function language(start: Language) {
  const switches: [Language, boolean][] = [];
  return {
    switches,
    language: start,
    setLanguage(next: Language, remember = true) {
      this.language = next;
      switches.push([next, remember]);
    },
  };
}

describe('SettingsState', () => {
  it('switches to the teacher’s language without writing it back', async () => {
    const bridge = new FakeBridge().answer('settings:get', settingsView({ language: 'pl' }));
    const ui = language('en');
    const settings = new SettingsState(bridge.client(), ui);
    await settings.load();
    expect(ui.switches).toEqual([['pl', false]]);
    expect(settings.view?.settings.language).toBe('pl');
  });

  it('leaves the language alone when the file names none or the same one', async () => {
    const bridge = new FakeBridge().answer('settings:get', settingsView({ language: null }));
    const ui = language('pl');
    await new SettingsState(bridge.client(), ui).load();
    bridge.answer('settings:get', settingsView({ language: 'pl' }));
    await new SettingsState(bridge.client(), ui).load();
    expect(ui.switches).toEqual([]);
  });

  it('tells whether presets are locked, from the last answer', async () => {
    const bridge = new FakeBridge()
      .answer('settings:get', settingsView())
      .answer('settings:update', (change) => settingsView({ lockPresets: change.lockPresets }));
    const settings = new SettingsState(bridge.client(), language('en'));
    expect(settings.locked).toBe(false);
    await settings.load();
    await settings.update({ lockPresets: true });
    expect(settings.locked).toBe(true);
    expect(bridge.calls.at(-1)).toEqual({
      channel: 'settings:update',
      payload: { lockPresets: true },
    });
  });

  it('sends the teacher PIN with guarded changes, and says when one was refused', async () => {
    const bridge = new FakeBridge()
      .answer('settings:get', settingsView())
      .answer('settings:pin', ({ next }) => settingsView({ pinSet: next !== null }));
    const settings = new SettingsState(bridge.client(), language('en'));
    await settings.load();
    expect(await settings.setPin(undefined, '2468')).toBe(true);
    expect(bridge.calls.at(-1)).toEqual({ channel: 'settings:pin', payload: { next: '2468' } });
    expect(settings.pinSet).toBe(true);
    bridge.refuse('settings:update', 'settings.wrong-pin', 'That is not the teacher PIN.');
    expect(await settings.update({ lockPresets: true, pin: '1111' })).toBe(false);
    expect(bridge.calls.at(-1)?.payload).toEqual({ lockPresets: true, pin: '1111' });
    expect(settings.error).toBe('That is not the teacher PIN.');
    expect(settings.locked).toBe(false);
    bridge.answer('settings:reset', settingsView());
    expect(await settings.reset('2468')).toBe(true);
    expect(bridge.calls.at(-1)).toEqual({ channel: 'settings:reset', payload: { pin: '2468' } });
    expect(settings.pinSet).toBe(false);
    expect(await settings.setPin('2468', null)).toBe(true);
    expect(bridge.calls.at(-1)?.payload).toEqual({ current: '2468', next: null });
  });

  it('keeps the last view and shows the host’s words when a change is refused', async () => {
    const bridge = new FakeBridge()
      .answer('settings:get', settingsView({ lockPresets: true }))
      .refuse('settings:reset', 'settings.corrupt', 'The settings file could not be written.');
    const settings = new SettingsState(bridge.client(), language('en'));
    await settings.load();
    await settings.reset();
    expect(settings.error).toBe('The settings file could not be written.');
    expect(settings.locked).toBe(true);
    await settings.load();
    expect(settings.error).toBeNull();
  });
});
