// "Build it": does the camper's network match the step's? The differences come from core/spec's
// diffSpecs (blocks lined up by type, so a missing block reads as missing, not as everything
// after it being wrong); each becomes a hint the lesson shows one at a time. The name and the
// epochs do not count: the lesson names the network and sets the epochs itself.

import type { ModelSpec } from '../../contract/spec';
import { diffSpecs } from '../spec';
import type { LessonStep } from './steps';

/** One difference between the camper's network and the step's, as the lesson words it. */
export type LessonHint =
  /** The step's network has `layer` after `prev` (null: at the start) and the camper's has not. */
  | { kind: 'add'; layer: string; prev: string | null }
  /** The camper's network has `layer` after `prev` (null: at the start) and the step's has not. */
  | { kind: 'remove'; layer: string; prev: string | null }
  /** A block's setting differs: `block` is "Conv2D" or "Conv2D #2" as in the step's network. */
  | { kind: 'field'; block: string; field: string; want: string | number; have: string | number }
  /** A training setting or the input differs. */
  | { kind: 'setting'; field: string; want: string | number; have: string | number };

export interface StepCheck {
  matches: boolean;
  /** In the order to show them: blocks first (top to bottom), then the settings. */
  hints: LessonHint[];
}

/** Settings the lesson sets by itself, so they never count against the camper. */
const IGNORED_SETTINGS = new Set(['name', 'compile.epochs']);

/** Compares `built` (the builder's network) with the step's network. */
export function checkStep(built: ModelSpec, step: LessonStep): StepCheck {
  const target = step.preset.spec;
  const hints: LessonHint[] = [];
  const optimizerDiffers = built.compile.optimizer !== target.compile.optimizer;
  for (const change of diffSpecs(built, target)) {
    const p = change.params;
    switch (change.key) {
      case 'diff.added':
      case 'diff.added-first':
        hints.push({ kind: 'add', layer: String(p.layer), prev: p.prev ? String(p.prev) : null });
        break;
      case 'diff.removed':
      case 'diff.removed-first':
        hints.push({
          kind: 'remove',
          layer: String(p.layer),
          prev: p.prev ? String(p.prev) : null,
        });
        break;
      case 'diff.layer-field':
        hints.push({
          kind: 'field',
          block: String(p.layer),
          field: String(p.field),
          want: p.to,
          have: p.from,
        });
        break;
      case 'diff.setting': {
        const field = String(p.field);
        if (IGNORED_SETTINGS.has(field)) break;
        // Another optimizer brings its own learning rate: one hint says both.
        if (field === 'compile.learningRate' && optimizerDiffers) break;
        hints.push({ kind: 'setting', field, want: p.to, have: p.from });
        break;
      }
      default:
        break;
    }
  }
  return { matches: hints.length === 0, hints };
}
