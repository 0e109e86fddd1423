import type * as tfl from '@tensorflow/tfjs-layers';
import type { NamedWeight } from './weights-order';

/** Every weight of a tfjs model with its name and shape, read out as float32 (no tensors kept). */
export async function namedWeightsOf(model: tfl.LayersModel): Promise<NamedWeight[]> {
  return Promise.all(
    model.weights.map(async (w) => ({
      name: w.originalName,
      shape: w.shape.map((d) => d ?? 0),
      data: new Float32Array(await w.read().data()),
    })),
  );
}
