import { en, pl, type MessageKey } from './en';
import { format, localNumbers } from './format';

export type Language = 'en' | 'pl';
export const LANGUAGES: { id: Language; label: string }[] = [
  { id: 'en', label: 'English' },
  { id: 'pl', label: 'Polski' },
];
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, pl };
const STORAGE_KEY = 'letter-lab-language';

function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'pl') return saved;
  return globalThis.navigator?.language?.startsWith('pl') ? 'pl' : 'en';
}

/** The UI language, switchable at run time. */
export class I18n {
  language = $state<Language>(initialLanguage());

  /** Switches the UI language; `remember` also stores it in the host's settings file. */
  setLanguage(language: Language, remember = true): void {
    this.language = language;
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
    document.documentElement.lang = language;
    if (remember) this.onChange?.(language);
  }

  /** Set by the settings state: persists the choice across restarts in both hosts. */
  onChange: ((language: Language) => void) | null = null;

  /** The message in the UI language; number params are written the language's way
   * ("3,745" and "0.001" in English, "3745" and "0,001" in Polish). Pass a string to keep a
   * number as it is (a seed someone types back in). */
  t = (key: MessageKey, params?: Record<string, string | number>): string =>
    format(DICTIONARIES[this.language][key] ?? en[key], localNumbers(params, this.language));
}

export const i18n = new I18n();
export const t = i18n.t;
