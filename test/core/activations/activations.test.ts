import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { LayerSpec, ModelSpec } from '../../../src-main/contract/spec';
import { initBackend } from '../../../src-main/core/backend';
import { buildModel } from '../../../src-main/core/model';
import { PRESETS } from '../../../src-main/core/spec';
import {
  firstConvFilters,
  layerActivations,
  mapLayers,
  predictImages,
} from '../../../src-main/core/activations';

function preset(id: string): ModelSpec {
  const found = PRESETS.find((p) => p.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found.spec;
}

function spec(layers: LayerSpec[]): ModelSpec {
  return { ...preset('conv'), layers };
}

/** A deterministic picture: a bright ring on a dim gradient. */
function picture(size = 28): Float32Array {
  const out = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - 13.5, y - 13.5);
      out[y * size + x] = r > 7 && r < 11 ? 1 : (x + y) / (4 * size);
    }
  }
  return out;
}

function outputShape(layer: tfl.layers.Layer): number[] {
  return (layer.outputShape as (number | null)[]).slice(1) as number[];
}

describe('activation maps and filters', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it.each(['conv', 'conv-maxpool', 'typical-convnet', 'batchnorm', 'fully-convolutional'])(
    'the %s preset: one map stack per Conv2D and pooling layer, shaped as the layer’s output',
    (id) => {
      const model = buildModel(preset(id), { seed: 7 });
      const expected = model.layers.filter((l) =>
        ['Conv2D', 'MaxPooling2D', 'AveragePooling2D'].includes(l.getClassName()),
      );
      expect(mapLayers(model).map((l) => l.name)).toEqual(expected.map((l) => l.name));
      const result = layerActivations(model, picture());
      expect(result.layers.map((l) => l.name)).toEqual(expected.map((l) => l.name));
      result.layers.forEach((maps, i) => {
        expect([maps.height, maps.width, maps.channels]).toEqual(outputShape(expected[i]));
        expect(maps.className).toBe(expected[i].getClassName());
        expect(maps.shown).toBe(Math.min(maps.channels, 64));
        expect(maps.maps.length).toBe(maps.shown * maps.height * maps.width);
        expect(maps.ranges).toHaveLength(maps.shown);
        // Each map scaled on its own: a map that varies spans 0..255.
        const area = maps.height * maps.width;
        maps.ranges.forEach(([min, max], c) => {
          const map = maps.maps.subarray(c * area, (c + 1) * area);
          if (max - min > 1e-6) {
            expect(Math.min(...map)).toBe(0);
            expect(Math.max(...map)).toBe(255);
          } else {
            expect(Math.max(...map)).toBe(0);
          }
        });
      });
      const direct = predictImages(model, picture(), 1)[0];
      result.probabilities.forEach((p, k) => expect(p).toBeCloseTo(direct.probabilities[k], 5));
      expect(result.predicted).toBe(direct.predicted);
      expect(result.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      model.dispose();
    },
  );

  it('the first convolution’s maps are the convolution of the picture with its kernels', () => {
    const model = buildModel(preset('conv-maxpool'), { seed: 3 });
    const layer = model.layers[0];
    const [kernel, bias] = layer.getWeights();
    const reference = tf.tidy(() =>
      tf.relu(
        tf.add(
          tf.conv2d(tf.tensor4d(picture(), [1, 28, 28, 1]), kernel as tf.Tensor4D, 1, 'valid'),
          bias,
        ),
      ),
    );
    const values = reference.dataSync();
    reference.dispose();
    const maps = layerActivations(model, picture()).layers[0];
    const area = 26 * 26;
    for (let c = 0; c < maps.channels; c++) {
      let min = Infinity;
      let max = -Infinity;
      for (let p = 0; p < area; p++) {
        min = Math.min(min, values[p * maps.channels + c]);
        max = Math.max(max, values[p * maps.channels + c]);
      }
      expect(maps.ranges[c][0]).toBeCloseTo(min, 4);
      expect(maps.ranges[c][1]).toBeCloseTo(max, 4);
      for (const p of [0, 100, 337, 675]) {
        const v = values[p * maps.channels + c];
        const expected = max - min > 1e-6 ? Math.round(((v - min) / (max - min)) * 255) : 0;
        expect(Math.abs(maps.maps[c * area + p] - expected)).toBeLessThanOrEqual(1);
      }
    }
    model.dispose();
  });

  it('sends only the first channels of a very wide layer', () => {
    const model = buildModel(
      spec([
        {
          type: 'conv2d',
          filters: 80,
          kernelSize: 3,
          strides: 1,
          padding: 'valid',
          activation: 'relu',
        },
        { type: 'flatten' },
      ]),
      { seed: 1 },
    );
    const [maps] = layerActivations(model, picture(), { maxChannels: 12 }).layers;
    expect([maps.channels, maps.shown, maps.maps.length]).toEqual([80, 12, 12 * 26 * 26]);
    expect(layerActivations(model, picture()).layers[0].shown).toBe(64);
    expect(firstConvFilters(model, { maxFilters: 5 })?.shown).toBe(5);
    model.dispose();
  });

  it('reads the first Conv2D’s kernels filter by filter, row by row', () => {
    const model = buildModel(preset('typical-convnet'), { seed: 11 });
    const filters = firstConvFilters(model);
    if (!filters) throw new Error('no filters');
    const kernel = model.layers[0].getWeights()[0].arraySync() as number[][][][];
    expect(filters).toMatchObject({
      layerName: 'conv2d_1',
      kernelHeight: 3,
      kernelWidth: 3,
      inChannels: 1,
      filters: 16,
      shown: 16,
    });
    let absMax = 0;
    for (let f = 0; f < 16; f++) {
      for (let r = 0; r < 3; r++) {
        for (let c = 0; c < 3; c++) {
          expect(filters.weights[f * 9 + r * 3 + c]).toBe(Math.fround(kernel[r][c][0][f]));
          absMax = Math.max(absMax, Math.abs(kernel[r][c][0][f]));
        }
      }
    }
    expect(filters.absMax).toBeCloseTo(absMax, 6);
    expect(filters.bias).toHaveLength(16);
    model.dispose();
  });

  it('has nothing to show for a network without convolutions', () => {
    const model = buildModel(preset('mlp'), { seed: 1 });
    expect(firstConvFilters(model)).toBeNull();
    const result = layerActivations(model, picture());
    expect(result.layers).toEqual([]);
    expect(result.probabilities).toHaveLength(10);
    model.dispose();
  });

  it('leaves no tensors behind', () => {
    const model = buildModel(preset('batchnorm'), { seed: 5 });
    const before = tf.memory().numTensors;
    for (let k = 0; k < 3; k++) {
      layerActivations(model, picture());
      firstConvFilters(model);
      predictImages(model, new Float32Array(4 * 784).fill(0.5), 4);
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(() => layerActivations(model, new Float32Array(100))).toThrow(
      expect.objectContaining({
        code: 'predict.bad-input',
        message: expect.stringContaining('28x28x1'),
      }),
    );
    expect(tf.memory().numTensors).toBe(before);
    // The model still works: nothing of it was disposed along the way.
    expect(predictImages(model, picture(), 1)[0].probabilities).toHaveLength(10);
    model.dispose();
  });
});
