// Reading what a teaching run needs from disk: the taught letters with their held-back part, and
// whether the font letters (the set the run was started on) fit the network.
import type { TeachPlan } from '../../contract/letters';
import { loadDataset } from '../dataset/load';
import type { SplitImageSet } from '../dataset/types';
import { LetterLabError } from '../errors';
import { readLettersFile } from './file';
import { indicesWhere, lettersImageSet } from './image-set';
import type { TeachingParts } from './teach';

/** Whether `set` has the network's input size and classes. */
export function fitsNetwork(
  set: { height: number; width: number; classes: number },
  input: { height: number; width: number },
  classes: number,
): boolean {
  return set.height === input.height && set.width === input.width && set.classes === classes;
}

/**
 * The parts of a teaching run. Letters are held back by their picture, unless the plan says the
 * taught file is the one the network started with: then its own split (`split`) decides.
 */
export async function loadTeachingParts(
  plan: TeachPlan,
  fonts: SplitImageSet | null,
  network: { height: number; width: number; classes: number },
  split: { seed: number; testFraction: number },
): Promise<TeachingParts> {
  const usableFonts = fonts && fitsNetwork(fonts, network, network.classes) ? fonts : null;
  if (plan.mode === 'mixed' && fonts && !usableFonts) {
    throw new LetterLabError(
      'evaluation.mismatch',
      `The font letters (${fonts.classes} classes of ${fonts.height}x${fonts.width}) do not fit ` +
        `this network (${network.classes} classes of ${network.height}x${network.width}): open ` +
        'the letters it learned from in the Letters tab, or teach with your letters only.',
    );
  }
  if (!plan.holdBackByPicture) {
    const { set } = await loadDataset(plan.lettersPath, { ...split, fingerprint: false });
    if (!fitsNetwork(set, network, network.classes)) {
      throw new LetterLabError(
        'evaluation.mismatch',
        `${plan.lettersLabel} has ${set.classes} classes of ${set.height}x${set.width}; the ` +
          `network answers ${network.classes} classes of ${network.height}x${network.width}.`,
      );
    }
    return { letters: { set, train: set.train, heldBack: set.test }, fonts: usableFonts };
  }
  const letters = await readLettersFile(plan.lettersPath, Number.MAX_SAFE_INTEGER);
  const { set, heldBack } = lettersImageSet(letters, network.classes, plan.lettersLabel);
  if (set.height !== network.height || set.width !== network.width) {
    throw new LetterLabError(
      'evaluation.mismatch',
      `The network reads ${network.height}x${network.width} pictures; letters are ${set.height}x${set.width}.`,
    );
  }
  return {
    letters: { set, train: indicesWhere(heldBack, false), heldBack: indicesWhere(heldBack, true) },
    fonts: usableFonts,
  };
}
