import type { AppInfo } from '../../../src-main/contract/app';
import type { ApiClient } from '../api/client';

export type Section = 'lessons' | 'data' | 'build' | 'train' | 'predict' | 'mine' | 'notebook';
export const SECTIONS: Section[] = [
  'lessons',
  'data',
  'build',
  'train',
  'predict',
  'mine',
  'notebook',
];

/** App-wide state: what the host said about itself, and which section is open. */
export class AppState {
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  info = $state<AppInfo | null>(null);
  startError = $state<string | null>(null);
  section = $state<Section>('data');

  async start(): Promise<void> {
    try {
      this.info = await this.#api.invoke('app:info');
    } catch (err) {
      this.startError = err instanceof Error ? err.message : String(err);
    }
  }
}
