import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
} from '../../../src-main/core/settings/store';

const dirs: string[] = [];
function tempFile(content?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-settings-'));
  dirs.push(dir);
  const file = path.join(dir, 'settings.json');
  if (content !== undefined) fs.writeFileSync(file, content);
  return file;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('settings file', () => {
  it('a missing file gives the defaults without a warning', async () => {
    expect(await loadSettings(tempFile())).toEqual({ settings: DEFAULT_SETTINGS, warning: null });
  });

  it('round-trips what was saved', async () => {
    const file = tempFile();
    const settings = {
      ...DEFAULT_SETTINGS,
      language: 'pl' as const,
      lockPresets: true,
      lastDataset: '/x.mat',
    };
    await saveSettings(file, settings);
    expect((await loadSettings(file)).settings).toEqual(settings);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['settings.json']);
  });

  it('fills keys an older file lacks with defaults', async () => {
    const file = tempFile(JSON.stringify({ version: 1, language: 'en' }));
    expect(await loadSettings(file)).toEqual({
      settings: { ...DEFAULT_SETTINGS, language: 'en' },
      warning: null,
    });
  });

  it.each([
    ['not JSON', '{"version": 1,', /not valid JSON/],
    [
      'a wrong type',
      JSON.stringify({ version: 1, lockPresets: 'yes' }),
      /bad value at lockPresets/,
    ],
    ['a wrong version', JSON.stringify({ version: 7 }), /bad value at version/],
    ['an array', '[]', /bad value at the top level/],
    ['a huge file', ' '.repeat(70 * 1024), /far too large/],
  ])(
    'a corrupt file (%s) falls back to safe defaults with a message',
    async (_name, content, message) => {
      const loaded = await loadSettings(tempFile(content));
      expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
      expect(loaded.warning).toMatch(message);
    },
  );

  it('refuses to save invalid settings', async () => {
    await expect(
      saveSettings(tempFile(), { ...DEFAULT_SETTINGS, language: 'de' as 'en' }),
    ).rejects.toThrow();
  });
});
