// The layer names the app shows (conv2d_1, max_pooling2d_1, dense_1, ...), one per spec
// layer and then the output layer, taken from the app's own summary so that model.py,
// its README and the app's model summary always agree.

import type { ModelSpec } from '../../contract/spec';
import { summarize } from '../spec';

export function appLayerNames(spec: ModelSpec): string[] {
  return summarize(spec).layers.map((l) => l.name);
}
