// The renderer's state, made once by App.svelte and handed to every component through one typed
// Svelte context. No state module creates an instance or reaches a global client: each class gets
// its API client (and any other state it reads) through its constructor, so a test can build it
// with a fake bridge (test/renderer/fake-bridge.ts).
//
// To add a state class:
//   1. Write `lib/state/<domain>.svelte.ts` (or `features/<feature>/<name>.svelte.ts` when only one
//      feature uses it): `export class XState { readonly #api: ApiClient; constructor(api: ApiClient,
//      …other states it reads) { … } }`. Export no instance; call the host only through `this.#api`.
//   2. Add a field for it to `AppStates` and build it in `createAppStates` below.
//   3. In a component, at the top of its <script> (Svelte only gives contexts while a component is
//      being created): `const x = getAppStates().x;`. Plain .ts helpers take what they need as
//      arguments instead.
//   4. Test it in `test/renderer/…/<name>.svelte.test.ts` with `fakeBridge()`: answer its requests,
//      emit its events, and check its fields (runes work there: those files are compiled by Svelte).
import { getContext, setContext } from 'svelte';
import { TourState } from '../../features/tour/tour.svelte';
import type { ApiClient } from '../api/client';
import { i18n, type I18n } from '../i18n/i18n.svelte';
import { AppState } from './app.svelte';
import { BuilderState } from './builder.svelte';
import { DatasetState } from './dataset.svelte';
import { EvaluationState } from './evaluation.svelte';
import { LessonsState } from './lessons.svelte';
import { ModelsState } from './models.svelte';
import { NotebookState } from './notebook.svelte';
import { PredictState } from './predict.svelte';
import { SettingsState } from './settings.svelte';
import { TrainingState } from './training.svelte';
import { LettersState } from './letters.svelte';
import { LettersCheckState } from './letters-check.svelte';
import { ClassLettersState } from './class-letters.svelte';

/** Every piece of renderer state, and the one client they share. */
export interface AppStates {
  /** For the few components that ask the host something no state keeps (an estimate, a file). */
  api: ApiClient;
  app: AppState;
  settings: SettingsState;
  dataset: DatasetState;
  builder: BuilderState;
  training: TrainingState;
  models: ModelsState;
  predict: PredictState;
  evaluation: EvaluationState;
  notebook: NotebookState;
  tour: TourState;
  letters: LettersState;
  lettersCheck: LettersCheckState;
  classLetters: ClassLettersState;
  lessons: LessonsState;
}

/** Builds the states on one client; `language` is the UI language the settings may switch. */
export function createAppStates(api: ApiClient, language: I18n = i18n): AppStates {
  const settings = new SettingsState(api, language);
  const app = new AppState(api);
  return {
    api,
    app,
    settings,
    dataset: new DatasetState(api),
    builder: new BuilderState(settings, {
      changed: (name) => language.t('builder.name.changed', { name }),
      fresh: () => language.t('builder.name.new'),
    }),
    training: new TrainingState(api),
    models: new ModelsState(api),
    predict: new PredictState(api),
    evaluation: new EvaluationState(api),
    notebook: new NotebookState(api),
    tour: new TourState(api),
    letters: new LettersState(api),
    lettersCheck: new LettersCheckState(api),
    classLetters: new ClassLettersState(api, app),
    lessons: new LessonsState(api),
  };
}

const KEY = Symbol('letter-lab.states');

/** Provides the states to the calling component and everything inside it (App.svelte does). */
export function setAppStates(states: AppStates): AppStates {
  return setContext(KEY, states);
}

/** The states App.svelte provided; call it while the component is being created. */
export function getAppStates(): AppStates {
  const states = getContext<AppStates | undefined>(KEY);
  if (!states) throw new Error('getAppStates() is called outside App.svelte’s component tree.');
  return states;
}
