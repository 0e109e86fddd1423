// Teacher settings: one JSON file in the user's data folder. Types only.

export interface Settings {
  version: 1;
  language: 'en' | 'pl' | null;
  /** The teacher's default dataset file, opened on start when no other is given. */
  defaultDataset: string | null;
  /** The last dataset file opened, reopened on start. */
  lastDataset: string | null;
  /** Presets campers may load but not edit. */
  lockPresets: boolean;
  /** The guided first run was finished or skipped. */
  tourDone: boolean;
}
