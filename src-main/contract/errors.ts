// Error codes that cross the API. Each area appends its own section.

export type ErrorCode =
  // --- api / validation ---
  | 'api.bad-request'
  | 'api.unknown-channel'
  | 'api.forbidden'
  | 'api.internal'
  | 'cli.usage'
  // --- files ---
  | 'file.not-found'
  | 'file.unreadable'
  | 'file.too-large'
  // --- mat ---
  // --- dataset ---
  // --- spec ---
  // --- training ---
  | 'training.busy'
  | 'training.no-dataset'
  | 'training.crashed'
  // --- models ---
  | 'model.not-found'
  | 'model.corrupt'
  // --- export ---
  | 'export.folder-not-empty'
  | 'export.not-a-folder'
  | 'export.write-failed'
  | 'export.weights-mismatch'
  | 'export.bad-array'
  | 'export.too-large'
  | 'export.unsupported-layer'
  | 'export.invalid-spec'
  // --- settings ---
  | 'settings.corrupt'
  // --- sample (scripts/make-sample) ---
  | 'sample.font-missing'
  | 'sample.font-license'
  | 'sample.font-unregistered'
  | 'sample.font-fallback'
  | 'sample.glyph-bad';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** i18n key and params when the renderer should show its own translation. */
  messageKey?: string;
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
