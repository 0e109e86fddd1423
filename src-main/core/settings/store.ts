import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Settings } from '../../contract/settings';
import { DEFAULT_LESSON_SETTINGS, lessonSettingsSchema } from '../lessons/settings';

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  language: null,
  defaultDataset: null,
  lastDataset: null,
  lockPresets: false,
  tourDone: false,
  pin: null,
  lessons: DEFAULT_LESSON_SETTINGS,
};

const MAX_SETTINGS_BYTES = 64 * 1024;

export const settingsSchema = z.object({
  version: z.literal(1),
  language: z.enum(['en', 'pl']).nullable(),
  defaultDataset: z.string().max(4096).nullable(),
  lastDataset: z.string().max(4096).nullable(),
  lockPresets: z.boolean(),
  tourDone: z.boolean(),
  pin: z
    .object({
      kdf: z.literal('scrypt'),
      n: z
        .number()
        .int()
        .min(1024)
        .max(2 ** 20),
      r: z.number().int().min(1).max(32),
      p: z.number().int().min(1).max(16),
      salt: z.string().regex(/^[0-9a-f]{16,128}$/),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .nullable(),
  lessons: lessonSettingsSchema,
});

export interface LoadedSettings {
  settings: Settings;
  /** Set when the file was unreadable or invalid and defaults are used instead. */
  warning: string | null;
}

/** Reads settings; a missing file gives defaults, a corrupt one gives defaults and a warning. */
export async function loadSettings(file: string): Promise<LoadedSettings> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_SETTINGS_BYTES) {
      return {
        settings: { ...DEFAULT_SETTINGS },
        warning: `The settings file ${file} is ${stat.size} bytes, far too large to be Letter Lab’s; safe defaults are used. Reset the settings to replace it.`,
      };
    }
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      return { settings: { ...DEFAULT_SETTINGS }, warning: null };
    return {
      settings: { ...DEFAULT_SETTINGS },
      warning: `The settings file ${file} could not be read (${(err as Error).message}); safe defaults are used.`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      settings: { ...DEFAULT_SETTINGS },
      warning: `The settings file ${file} is not valid JSON; safe defaults are used. Reset the settings to replace it.`,
    };
  }
  const isObject = typeof json === 'object' && json !== null && !Array.isArray(json);
  const merged = isObject ? { ...DEFAULT_SETTINGS, ...(json as object) } : json;
  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      settings: { ...DEFAULT_SETTINGS },
      warning: `The settings file ${file} has a bad value at ${issue.path.join('.') || 'the top level'} (${issue.message}); safe defaults are used.`,
    };
  }
  return { settings: parsed.data, warning: null };
}

/** Writes settings atomically: a crash mid-write leaves the old file. */
export async function saveSettings(file: string, settings: Settings): Promise<void> {
  const valid = settingsSchema.parse(settings);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temp, JSON.stringify(valid, null, 2) + '\n');
    await fs.rename(temp, file);
  } catch (err) {
    // A full disk or a crash mid-write leaves the old file, and no half-written one.
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}
