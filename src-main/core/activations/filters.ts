// The learned filters of the first convolution: small kernels that each look for one pattern of
// light and dark in the picture.
import type * as tfl from '@tensorflow/tfjs-layers';

export const DEFAULT_MAX_FILTERS = 64;

export interface FilterWeights {
  layerName: string;
  kernelHeight: number;
  kernelWidth: number;
  inChannels: number;
  /** The layer's filter count. */
  filters: number;
  /** How many of them are in `weights` (the first ones). */
  shown: number;
  /** shown x inChannels x kernelHeight x kernelWidth weights, filter after filter, rows within. */
  weights: Float32Array;
  /** One bias per shown filter, or empty when the layer has none. */
  bias: Float32Array;
  /** The largest |weight| of the shown filters, for a colour scale centred on 0. */
  absMax: number;
}

/** The first Conv2D layer's kernels, or null when the network has no convolution. */
export function firstConvFilters(
  model: tfl.LayersModel,
  opts: { maxFilters?: number } = {},
): FilterWeights | null {
  const layer = model.layers.find((l) => l.getClassName() === 'Conv2D');
  if (!layer) return null;
  // getWeights() hands out the layer's own variables: read them, never dispose them.
  const [kernel, bias] = layer.getWeights();
  const [kernelHeight, kernelWidth, inChannels, filters] = kernel.shape;
  const shown = Math.min(filters, opts.maxFilters ?? DEFAULT_MAX_FILTERS);
  const values = kernel.dataSync();
  const size = kernelHeight * kernelWidth;
  const weights = new Float32Array(shown * inChannels * size);
  let absMax = 0;
  for (let f = 0; f < shown; f++) {
    for (let c = 0; c < inChannels; c++) {
      for (let p = 0; p < size; p++) {
        // Kernel layout [kh, kw, in, out]: position p = row * kw + column.
        const v = values[(p * inChannels + c) * filters + f];
        weights[(f * inChannels + c) * size + p] = v;
        absMax = Math.max(absMax, Math.abs(v));
      }
    }
  }
  const biasValues = bias ? bias.dataSync().slice(0, shown) : new Float32Array(0);
  return {
    layerName: layer.name,
    kernelHeight,
    kernelWidth,
    inChannels,
    filters,
    shown,
    weights,
    bias: Float32Array.from(biasValues),
    absMax,
  };
}
