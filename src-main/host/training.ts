import { z } from 'zod';
import type { ApiRegistry } from './registry';
import type { HostContext } from './context';
import { TrainingManager } from './training-run';
import type { ModelSpec } from '../contract/spec';
import { parseSpec } from '../core/spec';
import { EpochEstimator } from './estimate';

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
  const estimator = new EpochEstimator(ctx);
  registry.handle('spec:estimate', z.object({ spec: specSchema }), ({ spec }) =>
    estimator.estimate(spec),
  );
  registry.handle('spec:estimate-cancel', z.undefined(), () => ({
    cancelled: estimator.cancel(),
  }));
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
