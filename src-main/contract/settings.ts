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
  /** The teacher's PIN as a salted hash (never the PIN itself), or null: no PIN. It guards
   * locking the presets and resetting the settings. */
  pin: PinHash | null;
  /** The Lessons tab: which steps are on, the epoch cap, class pace, the challenge's budget. */
  lessons: LessonSettings;
}

/** What the settings file keeps of a PIN (core/settings/pin.ts). */
export interface PinHash {
  kdf: 'scrypt';
  n: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

/** The settings as the renderer sees them: whether a PIN is set, not its hash. */
export type PublicSettings = Omit<Settings, 'pin'> & { pinSet: boolean };

export interface SettingsView {
  settings: PublicSettings;
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
  /** The teacher PIN, needed (when one is set) to change lockPresets or the lessons. */
  pin?: string;
}

export interface PinChange {
  /** The PIN now, when one is set. */
  current?: string;
  /** The new PIN (4 to 12 digits), or null to remove it. */
  next: string | null;
}

export interface SettingsInvoke {
  'settings:get': { request: void; response: SettingsView };
  'settings:update': { request: SettingsChange; response: SettingsView };
  /** Make the letters file that is open now the teacher's default (null clears it). */
  'settings:default-dataset': { request: { useCurrent: boolean }; response: SettingsView };
  /** Back to the defaults, PIN included; needs the PIN when one is set. */
  'settings:reset': { request: { pin?: string } | void; response: SettingsView };
  /** Sets, changes or removes the teacher PIN. */
  'settings:pin': { request: PinChange; response: SettingsView };
}
