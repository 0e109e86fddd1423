import type { SettingsChange, SettingsView } from '../../../src-main/contract/settings';
import { api } from '../api/client';
import { i18n } from '../i18n/i18n.svelte';

/** The teacher settings, kept in one file by the host. */
export class SettingsState {
  view = $state<SettingsView | null>(null);
  error = $state<string | null>(null);

  async load(): Promise<void> {
    await this.run(async () => {
      this.view = await api().invoke('settings:get');
      const language = this.view.settings.language;
      if (language && language !== i18n.language) i18n.setLanguage(language, false);
    });
  }

  update(change: SettingsChange): Promise<void> {
    return this.run(async () => {
      this.view = await api().invoke('settings:update', change);
    });
  }

  setDefaultDataset(useCurrent: boolean): Promise<void> {
    return this.run(async () => {
      this.view = await api().invoke('settings:default-dataset', { useCurrent });
    });
  }

  reset(): Promise<void> {
    return this.run(async () => {
      this.view = await api().invoke('settings:reset');
    });
  }

  get locked(): boolean {
    return this.view?.settings.lockPresets ?? false;
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.error = null;
    try {
      await action();
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
  }
}

export const settingsState = new SettingsState();
