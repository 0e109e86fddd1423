// All UI strings, composed from one file per feature in messages/. Polish must have every key.
import { shell } from './messages/shell';
import { dataset } from './messages/dataset';
import { builder } from './messages/builder';
import { training } from './messages/training';
import { predict } from './messages/predict';
import { notebook } from './messages/notebook';
import { evaluation } from './messages/evaluation';
import { models } from './messages/models';
import { settings } from './messages/settings';
import { errors } from './messages/errors';
import { letters } from './messages/letters';
import { reliability } from './messages/reliability';
import { lessons } from './messages/lessons';

const features = [
  shell,
  dataset,
  builder,
  training,
  predict,
  notebook,
  evaluation,
  models,
  settings,
  errors,
  letters,
  reliability,
  lessons,
] as const;

export const en = {
  ...shell.en,
  ...dataset.en,
  ...builder.en,
  ...training.en,
  ...predict.en,
  ...notebook.en,
  ...evaluation.en,
  ...models.en,
  ...settings.en,
  ...errors.en,
  ...letters.en,
  ...reliability.en,
  ...lessons.en,
};

export type MessageKey = keyof typeof en;

export const pl: Record<MessageKey, string> = Object.assign(
  {},
  ...features.map((f) => f.pl),
) as Record<MessageKey, string>;

/** Every feature's dictionaries, for the test that no language misses a key. */
export const FEATURE_MESSAGES = features;
