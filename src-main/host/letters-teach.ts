// Teach it my handwriting: a NEW training run that starts from the network in use (a saved model or
// the last run's) and learns from a collection, alone or mixed into the font letters. The letters
// are copied into the run's folder first, so the run (and any "train more" of it) always learns
// from the letters it started with, and the lab notebook can say exactly what those were.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { TeachRequest, TeachingInfo } from '../contract/letters';
import type { TrainingState } from '../contract/training-api';
import { LetterLabError } from '../core/errors';
import {
  MAX_SHARE,
  MIN_SHARE,
  MIN_TEACH_LETTERS,
  isHeldBack,
  letterName,
  writeLettersFile,
} from '../core/letters';
import { MAX_NAME_LENGTH } from '../core/model/store';
import { newRunId } from '../core/runs';
import type { HostContext } from './context';
import { LABELS, type LettersService } from './letters';
import type { ApiRegistry } from './registry';
import { RUNS_FOLDER } from './runs';

/** The copy of the taught letters inside the run's folder. */
export const TAUGHT_LETTERS = 'taught-letters.mat';
export const MAX_TEACH_EPOCHS = 50;

/** What the taught network's name gets, in the app's language when it is taught. */
const NAME_SUFFIX: Record<'en' | 'pl', Record<TeachRequest['which'], string>> = {
  en: { mine: ' + my letters', class: ' + class letters' },
  pl: { mine: ' + moje litery', class: ' + litery klasy' },
};

export async function startTeaching(
  ctx: HostContext,
  letters: LettersService,
  request: TeachRequest,
): Promise<TrainingState> {
  const training = ctx.session.training;
  const models = ctx.session.models;
  if (!training || !models) throw new Error('Training is not set up in this host.');
  if (training.active) {
    throw new LetterLabError(
      'training.busy',
      'A network is training already: stop it first or wait until it finishes.',
    );
  }
  if (letters.openCollection() !== null) throw letters.fontsNeeded();
  const active = await models.get();
  const classes = active.meta.spec.classes;
  const stored = await letters.file(request.which).read();
  const wrong = stored.find((l) => l.label >= classes);
  if (wrong) {
    throw new LetterLabError(
      'evaluation.mismatch',
      `These letters include a ${letterName(wrong.label)}, but the network answers only A to ${letterName(classes - 1)}.`,
    );
  }
  const heldBack = stored.filter((l) => isHeldBack(l.id)).length;
  const train = stored.length - heldBack;
  if (train < MIN_TEACH_LETTERS || heldBack === 0) {
    throw new LetterLabError(
      'letters.too-few',
      `Of your ${stored.length} letters, ${train} can be learned from and ${heldBack} are held back ` +
        `for the test; teaching needs at least ${MIN_TEACH_LETTERS} to learn from and 1 held back. ` +
        'Keep more letters first.',
    );
  }
  const runId = newRunId();
  const runDir = path.join(ctx.paths.userData, RUNS_FOLDER, runId);
  const copy = path.join(runDir, TAUGHT_LETTERS);
  const suffix = NAME_SUFFIX[ctx.settings.get().language === 'pl' ? 'pl' : 'en'][request.which];
  const name = `${active.meta.name.slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
  const spec = {
    ...active.meta.spec,
    name,
    compile: { ...active.meta.compile, epochs: request.epochs },
  };
  const teaching: TeachingInfo = {
    plan: {
      lettersPath: copy,
      lettersLabel: LABELS[request.which],
      mode: request.mode,
      share: request.share,
      holdBackByPicture: true,
      withFonts: true,
    },
    from: { name: active.meta.name, source: active.source, epochs: active.meta.history.length },
    letters: { fileName: LABELS[request.which], train, heldBack },
    fonts: null,
    before: null,
    after: null,
  };
  try {
    await writeLettersFile(copy, stored);
    return training.teach({
      runId,
      spec,
      resumeFrom: active.dir,
      epochs: request.epochs,
      teaching,
    });
  } catch (err) {
    await rm(runDir, { recursive: true, force: true });
    throw err;
  }
}

export function setupLettersTeaching(
  registry: ApiRegistry,
  ctx: HostContext,
  letters: LettersService,
): void {
  registry.handle(
    'letters:teach',
    z.object({
      which: z.enum(['mine', 'class']),
      mode: z.enum(['mixed', 'only']),
      share: z.number().min(MIN_SHARE).max(MAX_SHARE),
      epochs: z.number().int().min(1).max(MAX_TEACH_EPOCHS),
    }),
    (request) => startTeaching(ctx, letters, request),
  );
}
