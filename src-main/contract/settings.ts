// Teacher settings: one JSON file in the user's data folder. Types only.
import type { LessonSettings } from './lessons';

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
  /** The Lessons tab: which steps are on, the epoch cap, class pace, the challenge's budget. */
  lessons: LessonSettings;
}

export interface SettingsView {
  settings: Settings;
  /** Set when the settings file was corrupt and safe defaults are in use. */
  warning: string | null;
}

/** What the renderer may change; paths only come from the open dataset or a dialog. */
export interface SettingsChange {
  language?: 'en' | 'pl';
  lockPresets?: boolean;
  tourDone?: boolean;
  /** Only the lesson settings named change. */
  lessons?: Partial<LessonSettings>;
}

export interface SettingsInvoke {
  'settings:get': { request: void; response: SettingsView };
  'settings:update': { request: SettingsChange; response: SettingsView };
  /** Make the letters file that is open now the teacher's default (null clears it). */
  'settings:default-dataset': { request: { useCurrent: boolean }; response: SettingsView };
  'settings:reset': { request: void; response: SettingsView };
}
