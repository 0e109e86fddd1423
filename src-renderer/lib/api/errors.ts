// What a camper reads when the host says no: the host's own specific English message, and in Polish
// a plain explanation of the error's code followed by that message, so nothing specific is lost.
import type { ApiError, ErrorCode } from '../../../src-main/contract/errors';
import { formatSpecMessage, specMessages } from '../../../src-main/core/spec/messages';
import { en, pl, type MessageKey } from '../i18n/en';
import { format } from '../i18n/format';
import type { Language } from '../i18n/i18n.svelte';

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, pl };

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The key of a code's plain explanation: 'error.mat.v73-hdf5'. */
export function errorKey(code: string): string {
  return `error.${code}`;
}

/** The host's own translation (messageKey and params), when it sent one this renderer knows. */
function fromMessageKey(error: ApiError, language: Language): string | null {
  const key = error.messageKey;
  if (key === undefined) return null;
  if (isMessageKey(key)) return format(DICTIONARIES[language][key], error.params);
  if (Object.hasOwn(specMessages.en, key)) return formatSpecMessage(language, key, error.params);
  return null;
}

/** The text to show for a failed request, in `language`. */
export function localizeError(error: ApiError, language: Language): string {
  const translated = fromMessageKey(error, language);
  if (translated !== null) return translated;
  if (language === 'en') return error.message;
  const key = errorKey(error.code);
  if (!isMessageKey(key)) return error.message;
  const explanation = DICTIONARIES[language][key];
  if (error.message.trim() === '') return explanation;
  return format(DICTIONARIES[language]['error.withDetail'], { explanation, detail: error.message });
}

/** A failed request: `message` is what to show (localized when it failed), `error` the host's own. */
export class ApiFailure extends Error {
  readonly code: ErrorCode;
  readonly error: ApiError;
  constructor(error: ApiError, language: Language = 'en') {
    super(localizeError(error, language));
    this.name = 'ApiFailure';
    this.code = error.code;
    this.error = error;
  }
}
