import type { ApiError, ErrorCode } from '../contract/errors';

/** An expected failure with a code and a message a user can act on. */
export class LetterLabError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, string | number>;
  /** The renderer's own translation of this message (its params are `details`), when it has one. */
  readonly messageKey?: string;

  constructor(
    code: ErrorCode,
    message: string,
    details?: Record<string, string | number>,
    messageKey?: string,
  ) {
    super(message);
    this.name = 'LetterLabError';
    this.code = code;
    this.details = details;
    this.messageKey = messageKey;
  }
}

/** Error codes of the operating system that mean "no room left to write". */
const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);

/** The disk-full error for `err` when it is one (ENOSPC, EDQUOT), else null. */
export function diskFullError(err: unknown): LetterLabError | null {
  // Node's errors carry `code` and `path` (NodeJS.ErrnoException; this file is also typed for the
  // renderer, which has no Node types).
  const failure = err as { code?: unknown; path?: unknown } | null;
  const code = failure?.code;
  if (typeof code !== 'string' || !DISK_FULL_CODES.has(code)) return null;
  const where = typeof failure?.path === 'string' ? failure.path : null;
  return new LetterLabError(
    'file.disk-full',
    'The disk is full: free some space; nothing was lost.' +
      (where ? ` (Letter Lab could not write ${where}.)` : ''),
    {},
    // The renderer's own words for it, in English and Polish.
    'error.file.disk-full',
  );
}

/** Turns anything thrown into an ApiError without leaking a stack trace. */
export function toApiError(err: unknown): ApiError {
  const full = diskFullError(err);
  if (full) return toApiError(full);
  if (err instanceof LetterLabError) {
    if (err.messageKey === undefined) return { code: err.code, message: err.message };
    return {
      code: err.code,
      message: err.message,
      messageKey: err.messageKey,
      params: err.details ?? {},
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'api.internal', message: `Something went wrong inside Letter Lab: ${message}` };
}

/**
 * Why a text is not valid JSON, without quoting any of it (V8's own message quotes the start of
 * the text, which may be anything: a file a link pointed to, a secret).
 */
export function jsonSyntaxReason(err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  if (/unexpected end/i.test(message)) return 'it ends too early';
  const at = /position (\d+)/.exec(message);
  return at ? `unexpected text at character ${at[1]}` : 'unexpected text';
}
