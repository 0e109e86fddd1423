// English UI strings. Every key must also exist in pl.ts (the type and a test enforce it).
export const en = {
  'app.title': 'Letter Lab',
  'app.tagline': 'Teach a computer to read letters',
  'app.loading': 'Starting Letter Lab…',
  'app.startFailed': 'Letter Lab could not start: {message}',
  'nav.label': 'Sections',
  'nav.data': 'Letters',
  'nav.build': 'Build',
  'nav.train': 'Train',
  'nav.predict': 'Predict',
  'nav.notebook': 'Lab notebook',
  'lang.label': 'Language',
  'status.backend': 'Backend: {name}',
  'status.backendReason': '{reason}',
  'status.mode.web': 'browser mode',
  'status.mode.electron': 'desktop app',
  'backend.tensorflow': 'TensorFlow (native)',
  'backend.wasm': 'WebAssembly',
  'backend.cpu': 'plain JavaScript (slow)',
  'section.comingSoon': 'This part of Letter Lab is not built yet.',
} as const;

export type MessageKey = keyof typeof en;
