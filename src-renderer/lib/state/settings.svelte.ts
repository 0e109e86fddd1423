import type { SettingsChange, SettingsView } from '../../../src-main/contract/settings';
import type { ApiClient } from '../api/client';
import type { I18n } from '../i18n/i18n.svelte';

/** The teacher settings, kept in one file by the host. */
export class SettingsState {
  readonly #api: ApiClient;
  /** The UI language: the settings file may say which one the teacher chose. */
  readonly #i18n: Pick<I18n, 'language' | 'setLanguage'>;

  constructor(api: ApiClient, i18n: Pick<I18n, 'language' | 'setLanguage'>) {
    this.#api = api;
    this.#i18n = i18n;
  }

  view = $state<SettingsView | null>(null);
  error = $state<string | null>(null);

  async load(): Promise<void> {
    await this.run(async () => {
      this.view = await this.#api.invoke('settings:get');
      const language = this.view.settings.language;
      if (language && language !== this.#i18n.language) this.#i18n.setLanguage(language, false);
    });
  }

  /** Returns whether the host took the change (a wrong PIN is refused, with the reason in
   * `error`). */
  update(change: SettingsChange): Promise<boolean> {
    return this.run(async () => {
      this.view = await this.#api.invoke('settings:update', change);
    });
  }

  /** Sets (`current` unneeded), changes or removes (`next` null) the teacher PIN. */
  setPin(current: string | undefined, next: string | null): Promise<boolean> {
    return this.run(async () => {
      this.view = await this.#api.invoke('settings:pin', {
        ...(current ? { current } : {}),
        next,
      });
    });
  }

  setDefaultDataset(useCurrent: boolean): Promise<boolean> {
    return this.run(async () => {
      this.view = await this.#api.invoke('settings:default-dataset', { useCurrent });
    });
  }

  /** Back to the defaults (the PIN too); needs the PIN when one is set. */
  reset(pin?: string): Promise<boolean> {
    return this.run(async () => {
      this.view = await this.#api.invoke('settings:reset', pin ? { pin } : undefined);
    });
  }

  get pinSet(): boolean {
    return this.view?.settings.pinSet ?? false;
  }

  get locked(): boolean {
    return this.view?.settings.lockPresets ?? false;
  }

  private async run(action: () => Promise<void>): Promise<boolean> {
    this.error = null;
    try {
      await action();
      return true;
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
      return false;
    }
  }
}
