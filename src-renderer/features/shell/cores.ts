// "2 cores" / "2 rdzenie": a count of processor cores with the plural form its language needs.
import type { MessageKey } from '../../lib/i18n/en';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function coresText(count: number, language: string, tr: Translate): string {
  const form = new Intl.PluralRules(language).select(count);
  const key: MessageKey =
    form === 'one'
      ? 'status.cores.one'
      : form === 'few'
        ? 'status.cores.few'
        : form === 'many'
          ? 'status.cores.many'
          : 'status.cores.other';
  return tr(key, { count: new Intl.NumberFormat(language).format(count) });
}
