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

/** Turns anything thrown into an ApiError without leaking a stack trace. */
export function toApiError(err: unknown): ApiError {
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
