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
  | 'file.disk-full'
  // --- mat ---
  | 'mat.not-mat'
  | 'mat.v73-hdf5'
  | 'mat.v4'
  | 'mat.truncated'
  | 'mat.element-too-large'
  | 'mat.corrupt'
  | 'mat.unsupported'
  | 'mat.write-invalid'
  // --- dataset ---
  | 'dataset.images-missing'
  | 'dataset.labels-missing'
  | 'dataset.count-mismatch'
  | 'dataset.bad-labels'
  | 'dataset.bad-image-dims'
  | 'dataset.bad-images'
  | 'dataset.bad-pixels'
  | 'dataset.bad-split'
  // --- spec ---
  | 'spec.not-json'
  | 'spec.invalid'
  | 'spec.unsupported-version'
  | 'spec.too-big'
  // --- training ---
  | 'training.busy'
  | 'training.no-dataset'
  | 'training.crashed'
  | 'training.backend-unavailable'
  | 'training.bad-options'
  | 'training.other-letters'
  // --- time estimates (host/estimate, trainer/estimate) ---
  | 'estimate.cancelled'
  | 'estimate.too-slow'
  // --- models ---
  | 'model.not-found'
  | 'model.corrupt'
  | 'model.invalid-spec'
  | 'model.exists'
  | 'model.bad-name'
  // --- export ---
  | 'export.folder-not-empty'
  | 'export.not-a-folder'
  | 'export.write-failed'
  | 'export.weights-mismatch'
  | 'export.bad-array'
  | 'export.too-large'
  | 'export.unsupported-layer'
  | 'export.invalid-spec'
  | 'export.not-notmnist'
  // --- settings ---
  | 'settings.corrupt'
  | 'settings.wrong-pin'
  | 'settings.bad-pin'
  // --- sample (scripts/make-sample) ---
  | 'sample.font-missing'
  | 'sample.font-license'
  | 'sample.font-unregistered'
  | 'sample.font-fallback'
  | 'sample.glyph-bad'
  // --- icon and installers (scripts/make-icon, scripts/dist-check) ---
  | 'icon.font-unregistered'
  // --- predict (core/preprocess, core/activations, host/predict, cli predict) ---
  | 'predict.blank'
  | 'predict.too-small'
  | 'predict.bad-input'
  | 'predict.not-png'
  | 'predict.image-too-large'
  | 'predict.damaged-image'
  // --- evaluation (core/evaluation, host/evaluation, cli evaluate) ---
  | 'evaluation.mismatch'
  | 'evaluation.no-test-letters'
  | 'evaluation.none'
  | 'evaluation.model-changed'
  // --- runs (core/runs, host/runs, cli runs and compare) ---
  | 'runs.not-found'
  | 'runs.corrupt'
  | 'runs.ambiguous'
  | 'runs.busy'
  // --- my letters (core/letters, host/letters*, cli letters) ---
  | 'letters.bad-file'
  | 'letters.bad-label'
  | 'letters.duplicate'
  | 'letters.not-found'
  | 'letters.too-many'
  | 'letters.too-few'
  | 'letters.write-failed'
  // --- lessons (core/lessons, host/lessons, cli notebook) ---
  | 'lessons.unknown-step'
  | 'lessons.closed'
  | 'lessons.locked'
  | 'lessons.not-the-network'
  | 'lessons.nothing-done';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** i18n key and params when the renderer should show its own translation. */
  messageKey?: string;
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
