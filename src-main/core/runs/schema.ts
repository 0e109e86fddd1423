// Checks a run.json closely enough that the notebook can trust it: every field, the spec with the
// same parser as spec files. A loss that was NaN or Infinity is written by JSON as null and read
// back as NaN, so a run that diverged still loads.

import { z } from 'zod';
import type { RunRecord } from '../../contract/runs';
import { parseSpec } from '../spec';
import { RECORD_STATUSES } from './record';
import { teachingSchema } from './teaching-schema';

/** Longest run name and note the notebook keeps. */
export const MAX_RUN_NAME = 80;
export const MAX_RUN_NOTE = 2000;

const metric = z
  .number()
  .nullable()
  .transform((v) => (v === null ? Number.NaN : v));
const optionalMetric = z.number().nullable();
const count = z.number().int().min(0);

const epochSchema = z.object({
  epoch: z.number().int().min(1),
  loss: metric,
  acc: metric,
  valLoss: optionalMetric,
  valAcc: optionalMetric,
  seconds: z.number().min(0),
  samplesPerSecond: z.number().min(0),
});

const specSchema = z.unknown().transform((value, check) => {
  try {
    return parseSpec(value);
  } catch (err) {
    check.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});

const date = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'is not a date');

export const runRecordSchema = z.object({
  version: z.literal(1),
  id: z.string().min(1).max(128),
  name: z.string().max(MAX_RUN_NAME),
  starred: z.boolean(),
  note: z.string().max(MAX_RUN_NOTE),
  startedAt: date,
  endedAt: date,
  seconds: z.number().min(0),
  spec: specSchema,
  compile: z.object({
    optimizer: z.enum(['sgd', 'adam', 'rmsprop']),
    learningRate: z.number().positive(),
    epochs: z.number().int().min(1),
    batchSize: z.number().int().min(1),
  }),
  params: count,
  dataset: z
    .object({
      label: z.string(),
      source: z.enum(['sample', 'file', 'upload']).optional(),
      fonts: z.number().int().min(1).optional(),
      fileName: z.string(),
      fingerprint: z.string(),
      splitSeed: z.number(),
      testFraction: z.number().min(0).max(1),
      split: z.literal('sklearn').optional(),
      train: count,
      test: count,
    })
    .nullable(),
  history: z.array(epochSchema).max(100_000),
  finalValAcc: z.number().min(0).max(1).nullable(),
  bestValAcc: z.number().min(0).max(1).nullable(),
  bestEpoch: z.number().int().min(1).nullable(),
  backend: z.enum(['tensorflow', 'wasm', 'cpu']).nullable(),
  status: z.enum(RECORD_STATUSES as [string, ...string[]]),
  message: z.string().nullable(),
  savedEpoch: count,
  stoppedAt: z
    .object({
      epoch: z.number().int().min(1),
      batch: z.number().int().min(1),
      batches: z.number().int().min(1),
    })
    .nullable()
    .optional(),
  teaching: teachingSchema.optional(),
  owner: z
    .object({
      pid: z.number().int().min(0),
      hostname: z.string().max(256),
      token: z.string().max(64),
    })
    .optional(),
});

/** The record in `json`, or a plain-words reason why it is not one. */
export function checkRecord(json: unknown): { record: RunRecord } | { problem: string } {
  const parsed = runRecordSchema.safeParse(json);
  if (parsed.success) return { record: parsed.data as RunRecord };
  const issue = parsed.error.issues[0];
  const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`));
  const field = where.join('').replace(/^\./, '') || 'the top level';
  return { problem: `field ${field}: ${issue.message}` };
}
