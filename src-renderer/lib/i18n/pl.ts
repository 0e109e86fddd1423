import type { MessageKey } from './en';

// Polish UI strings: the same keys as en.ts.
export const pl: Record<MessageKey, string> = {
  'app.title': 'Letter Lab',
  'app.tagline': 'Naucz komputer czytać litery',
  'app.loading': 'Uruchamianie Letter Lab…',
  'app.startFailed': 'Nie udało się uruchomić Letter Lab: {message}',
  'nav.label': 'Sekcje',
  'nav.data': 'Litery',
  'nav.build': 'Budowanie',
  'nav.train': 'Trening',
  'nav.predict': 'Rozpoznawanie',
  'nav.notebook': 'Dziennik',
  'lang.label': 'Język',
  'status.backend': 'Silnik: {name}',
  'status.backendReason': '{reason}',
  'status.mode.web': 'tryb przeglądarki',
  'status.mode.electron': 'aplikacja',
  'backend.tensorflow': 'TensorFlow (natywny)',
  'backend.wasm': 'WebAssembly',
  'backend.cpu': 'zwykły JavaScript (wolny)',
  'section.comingSoon': 'Ta część Letter Lab jeszcze nie powstała.',
};
