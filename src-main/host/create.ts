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
import { PinGuard } from '../core/settings/pin';
import type { HostContext } from './context';
import { ModelCache } from './model-cache';
import { setupLetters } from './letters';

/** Builds the API once per host: one setup function per feature. */
export function createApi(ctx: HostContext): ApiRegistry {
  const registry = new ApiRegistry();
  ctx.session.models = new ModelCache(ctx);
  setupApp(registry, ctx);
  // One guard for every change the teacher PIN protects: wrong tries count together.
  const pins = new PinGuard();
  setupSettings(registry, ctx, pins);
  const datasets = setupDataset(registry, ctx);
  setupTraining(registry, ctx);
  const models = setupModels(registry, ctx);
  setupPredict(registry, ctx);
  const recorder = setupRuns(registry, ctx, models);
  const evaluation = setupEvaluation(registry, ctx);
  setupLessons(registry, ctx, recorder, pins);
  setupLetters(registry, ctx, datasets, evaluation);
  return registry;
}
