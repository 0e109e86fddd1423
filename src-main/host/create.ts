import { ApiRegistry } from './registry';
import { setupApp } from './app';
import { setupDataset } from './dataset';
import { setupTraining } from './training';
import { setupModels } from './models';
import { setupPredict } from './predict';
import { setupRuns } from './runs';
import { setupLessons } from './lessons';
import { setupEvaluation } from './evaluation';
import { setupSettings } from './settings-api';
import type { HostContext } from './context';
import { ModelCache } from './model-cache';
import { setupLetters } from './letters';

/** Builds the API once per host: one setup function per feature. */
export function createApi(ctx: HostContext): ApiRegistry {
  const registry = new ApiRegistry();
  ctx.session.models = new ModelCache(ctx);
  setupApp(registry, ctx);
  setupSettings(registry, ctx);
  const datasets = setupDataset(registry, ctx);
  setupTraining(registry, ctx);
  const models = setupModels(registry, ctx);
  setupPredict(registry, ctx);
  const recorder = setupRuns(registry, ctx, models);
  const evaluation = setupEvaluation(registry, ctx);
  setupLessons(registry, ctx, recorder);
  setupLetters(registry, ctx, datasets, evaluation);
  return registry;
}
