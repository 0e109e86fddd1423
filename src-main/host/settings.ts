import path from 'node:path';
import type { Settings } from '../contract/settings';
import { loadSettings, saveSettings } from '../core/settings/store';

/** The teacher settings file of one host, loaded once at start; updates are written at once. */
export class SettingsStore {
  private constructor(
    readonly file: string,
    private current: Settings,
    /** Why the file on disk was not used, when it was corrupt. */
    readonly warning: string | null,
  ) {}

  static async open(userData: string): Promise<SettingsStore> {
    const file = path.join(userData, 'settings.json');
    const loaded = await loadSettings(file);
    return new SettingsStore(file, loaded.settings, loaded.warning);
  }

  get(): Settings {
    return { ...this.current };
  }

  async update(change: Partial<Settings>): Promise<Settings> {
    const next = { ...this.current, ...change };
    await saveSettings(this.file, next);
    this.current = next;
    return this.get();
  }
}
