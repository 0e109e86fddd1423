// The teacher's lesson settings: their defaults and the schema that checks them, in the settings
// file and in every change the renderer asks for. Kept out of ./index so the renderer's bundle
// does not pull zod in.

import { z } from 'zod';
import type { LessonSettings } from '../../contract/lessons';
import { DEFAULT_BUDGET, LESSON_STEP_IDS, MAX_BUDGET, MAX_EPOCH_CAP, MIN_BUDGET } from './steps';

export const DEFAULT_LESSON_SETTINGS: LessonSettings = {
  off: [],
  epochCap: null,
  lockReadyMade: false,
  classPace: false,
  opened: 1,
  budget: DEFAULT_BUDGET,
};

const stepIds = z
  .array(z.enum(LESSON_STEP_IDS as [string, ...string[]]))
  .max(LESSON_STEP_IDS.length)
  .refine((ids) => new Set(ids).size === ids.length, 'each step may be listed once')
  .refine((ids) => ids.length < LESSON_STEP_IDS.length, 'leave at least one step on');

const fields = {
  off: stepIds,
  epochCap: z
    .number()
    .int(`the epoch cap must be a whole number from 1 to ${MAX_EPOCH_CAP}`)
    .min(1, `the epoch cap must be a whole number from 1 to ${MAX_EPOCH_CAP}`)
    .max(MAX_EPOCH_CAP, `the epoch cap must be a whole number from 1 to ${MAX_EPOCH_CAP}`)
    .nullable(),
  lockReadyMade: z.boolean(),
  classPace: z.boolean(),
  opened: z.number().int().min(1).max(LESSON_STEP_IDS.length),
  budget: z
    .number()
    .int(`the budget must be a whole number of parameters from ${MIN_BUDGET} to ${MAX_BUDGET}`)
    .min(MIN_BUDGET, `the budget must be at least ${MIN_BUDGET} parameters`)
    .max(MAX_BUDGET, `the budget must be at most ${MAX_BUDGET} parameters`),
};

/** The settings file's `lessons`: a field missing from an older file takes its default. */
export const lessonSettingsSchema = z
  .object({
    off: fields.off.default(DEFAULT_LESSON_SETTINGS.off),
    epochCap: fields.epochCap.default(DEFAULT_LESSON_SETTINGS.epochCap),
    lockReadyMade: fields.lockReadyMade.default(DEFAULT_LESSON_SETTINGS.lockReadyMade),
    classPace: fields.classPace.default(DEFAULT_LESSON_SETTINGS.classPace),
    opened: fields.opened.default(DEFAULT_LESSON_SETTINGS.opened),
    budget: fields.budget.default(DEFAULT_LESSON_SETTINGS.budget),
  })
  .default(DEFAULT_LESSON_SETTINGS);

/** A change the teacher makes: any of the fields, nothing else. */
export const lessonSettingsChangeSchema = z.object(fields).partial().strict();
