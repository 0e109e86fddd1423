import { z } from 'zod';
import type { ApiRegistry } from './registry';
import type { HostContext } from './context';
import { TrainingManager } from './training-run';
import type { ModelSpec } from '../contract/spec';
import { parseSpec, validateSpec } from '../core/spec';
import { LetterLabError } from '../core/errors';
import { estimateEpoch } from '../core/model/estimate';
import type { EpochEstimateView } from '../contract/training-api';

/** A spec from the renderer, checked by the same parser as imported spec files. */
export const specSchema = z.unknown().transform((value, check): ModelSpec => {
  try {
    return parseSpec(value);
  } catch (err) {
    check.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});

export function setupTraining(registry: ApiRegistry, ctx: HostContext): TrainingManager {
  const manager = new TrainingManager(ctx);
  ctx.session.training = manager;
  registry.handle('training:state', z.undefined(), () => manager.snapshot());
  registry.handle(
    'training:start',
    z.object({
      spec: specSchema,
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31)
        .optional(),
    }),
    ({ spec, seed }) => manager.start(spec, seed),
  );
  const estimates = new Map<string, EpochEstimateView>();
  registry.handle('spec:estimate', z.object({ spec: specSchema }), async ({ spec }) => {
    const error = validateSpec(spec).find((p) => p.severity === 'error');
    if (error)
      throw new LetterLabError(
        'spec.invalid',
        `This network cannot be timed yet: ${error.message}`,
      );
    if (manager.active) {
      throw new LetterLabError(
        'training.busy',
        'No time estimate while a network is training: it would slow both down.',
      );
    }
    const split = ctx.session.dataset?.info.split ?? { train: 14_979, test: 3_745 };
    const key = JSON.stringify([
      spec.input,
      spec.layers,
      spec.classes,
      spec.compile,
      split.train,
      split.test,
    ]);
    const cached = estimates.get(key);
    if (cached) return cached;
    const measured = await estimateEpoch(spec, split);
    const view = {
      secondsPerEpoch: measured.secondsPerEpoch,
      samplesPerSecond: measured.samplesPerSecond,
      trainImages: split.train,
      backend: ctx.backend.name,
    };
    if (estimates.size > 50) estimates.clear();
    estimates.set(key, view);
    return view;
  });
  registry.handle('training:stop', z.undefined(), () => manager.stop());
  registry.handle('training:pause', z.undefined(), () => manager.pause());
  registry.handle('training:resume', z.undefined(), () => manager.resume());
  registry.handle(
    'training:more',
    z.object({ epochs: z.number().int().min(1).max(100) }),
    ({ epochs }) => manager.more(epochs),
  );
  return manager;
}
