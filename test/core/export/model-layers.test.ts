import { describe, expect, it } from 'vitest';
import { LetterLabError } from '../../../src-main/core/errors';
import { summarize } from '../../../src-main/core/spec';
import { exportLayers } from '../../../src-main/core/export/model-layers';
import { expectedWeightShapes } from '../../../src-main/core/export/weights-order';
import { appNames, convnet, fullyConv, logistic, makeSpec, unusual } from './specs';

const names = (spec: typeof convnet): string[] => exportLayers(spec).map((l) => l.name);

describe('exportLayers names', () => {
  it('counts each layer type from 1 and names the output after the hidden dense layers', () => {
    expect(names(convnet)).toEqual([
      'conv2d_1',
      'max_pooling2d_1',
      'conv2d_2',
      'max_pooling2d_2',
      'flatten_1',
      'dense_1',
      'dropout_1',
      'dense_2',
    ]);
    expect(names(unusual)).toEqual([
      'conv2d_1',
      'batch_normalization_1',
      'activation_1',
      'average_pooling2d_1',
      'max_pooling2d_1',
      'global_average_pooling2d_1',
      'dense_1',
    ]);
  });

  it("uses the app summary's names", () => {
    for (const spec of [convnet, unusual, fullyConv, logistic]) {
      expect(names(spec)).toEqual(appNames(spec));
    }
  });

  it('counts the same parameters per layer as the app summary', () => {
    for (const spec of [convnet, unusual, fullyConv, logistic]) {
      const params = exportLayers(spec).map((l) =>
        l.weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0),
      );
      expect(params).toEqual(summarize(spec).layers.map((l) => l.params));
    }
  });
});

describe('exportLayers', () => {
  it('follows the shapes through valid convolutions and pools (floor)', () => {
    // 28 -3+1 = 26, /2 = 13, -3+1 = 11, /2 = 5 (floor), 5*5*32 = 800
    expect(exportLayers(convnet).map((l) => l.outputShape)).toEqual([
      [26, 26, 16],
      [13, 13, 16],
      [11, 11, 32],
      [5, 5, 32],
      [800],
      [64],
      [64],
      [10],
    ]);
  });

  it("follows 'same' padding and strides (ceil) and global pooling", () => {
    // same, stride 2: ceil(28/2) = 14; avg 3/2 valid: floor((14-3)/2)+1 = 6; max 2/1 same: 6
    expect(exportLayers(unusual).map((l) => l.outputShape)).toEqual([
      [14, 14, 8],
      [14, 14, 8],
      [14, 14, 8],
      [6, 6, 8],
      [6, 6, 8],
      [8],
      [10],
    ]);
  });

  it("refuses a spec with the builder's errors, naming the layer", () => {
    const tooBig = makeSpec('Too big', [
      {
        type: 'conv2d',
        filters: 4,
        kernelSize: 29,
        strides: 1,
        padding: 'valid',
        activation: 'relu',
      },
    ]);
    const run = (): unknown => exportLayers(tooBig);
    expect(run).toThrow(LetterLabError);
    expect(run).toThrow(
      /^Cannot export "Too big", layer 1 \(conv2d_1\): .*29x29.*Fix the model in the builder/,
    );
    const convAfterFlatten = makeSpec('After flatten', [
      { type: 'flatten' },
      {
        type: 'conv2d',
        filters: 4,
        kernelSize: 3,
        strides: 1,
        padding: 'valid',
        activation: 'relu',
      },
    ]);
    expect(() => exportLayers(convAfterFlatten)).toThrow(/layer 2 \(conv2d_1\): .*Flatten/);
    try {
      exportLayers(convAfterFlatten);
    } catch (err) {
      expect((err as LetterLabError).code).toBe('export.invalid-spec');
    }
  });
});

describe('expectedWeightShapes', () => {
  it('lists conv and dense kernels then biases, leaving out layers without weights', () => {
    expect(expectedWeightShapes(convnet)).toEqual([
      { layerName: 'conv2d_1', shapes: [[3, 3, 1, 16], [16]] },
      { layerName: 'conv2d_2', shapes: [[3, 3, 16, 32], [32]] },
      { layerName: 'dense_1', shapes: [[800, 64], [64]] },
      { layerName: 'dense_2', shapes: [[64, 10], [10]] },
    ]);
    expect(expectedWeightShapes(logistic)).toEqual([
      { layerName: 'dense_1', shapes: [[784, 10], [10]] },
    ]);
  });

  it('gives batch normalization four vectors of the channel count', () => {
    expect(expectedWeightShapes(fullyConv)).toEqual([
      { layerName: 'conv2d_1', shapes: [[3, 3, 1, 12], [12]] },
      { layerName: 'batch_normalization_1', shapes: [[12], [12], [12], [12]] },
      { layerName: 'conv2d_2', shapes: [[3, 3, 12, 20], [20]] },
      { layerName: 'batch_normalization_2', shapes: [[20], [20], [20], [20]] },
      { layerName: 'dense_1', shapes: [[20, 16], [16]] },
      { layerName: 'dense_2', shapes: [[16, 10], [10]] },
    ]);
  });
});
