import { describe, expect, it } from 'vitest';
import type { LayerSpec, ModelSpec } from '../../../src-main/contract/spec';
import { PRESETS, summarize, summaryText } from '../../../src-main/core/spec';

const preset = (id: string) => PRESETS.find((p) => p.id === id)!.spec;

function spec(layers: LayerSpec[]): ModelSpec {
  return { ...preset('conv'), layers };
}

const conv = (activation: 'relu' | 'linear'): LayerSpec => ({
  type: 'conv2d',
  filters: 4,
  kernelSize: 3,
  strides: 1,
  padding: 'valid',
  activation,
});

describe('summaryText', () => {
  it('prints conv + max pooling the way keras-sequential-ascii does, with multiply-adds', () => {
    // Conv2D: 3*3*1*16 + 16 = 160 weights (0.6% of 27,210), 26*26*16*9 = 97,344 multiply-adds.
    // Dense: 2704*10 + 10 = 27,050 weights (99.4%), 2704*10 = 27,040 multiply-adds.
    const expected = [
      '           OPERATION           DATA DIMENSIONS   WEIGHTS(N)   WEIGHTS(%)    MULT-ADDS',
      '',
      '               Input   #####     28   28    1',
      '              Conv2D    \\|/  -------------------       160     0.6%        97344',
      '                relu   #####     26   26   16',
      '        MaxPooling2D   Y max -------------------         0     0.0%            0',
      '                       #####     13   13   16',
      '             Flatten   ||||| -------------------         0     0.0%            0',
      '                       #####        2704',
      '               Dense   XXXXX -------------------     27050    99.4%        27040',
      '             softmax   #####          10',
      '',
      'Total parameters: 27,210 (trainable 27,210, non-trainable 0)',
      'Multiply-adds per image: 124,384',
    ].join('\n');
    const model = preset('conv-maxpool');
    expect(summaryText(summarize(model), model)).toBe(expected);
  });

  it('shows BatchNormalization, Dropout and global pooling glyphs and non-trainable weights', () => {
    const text = summaryText(summarize(preset('batchnorm')), preset('batchnorm'));
    expect(text).toContain(
      '  BatchNormalization    μ|σ  -------------------        64     0.1%        10816',
    );
    expect(text).toContain('             Dropout    | || -------------------         0     0.0%');
    expect(text).toContain('Total parameters: 50,042 (trainable 49,946, non-trainable 96)');
    const fcn = summaryText(summarize(preset('fully-convolutional')));
    expect(fcn).toContain('  GlobalMaxPooling2D   Y^max -------------------         0     0.0%');
  });

  it('merges an Activation block into the layer before it when that one has no activation', () => {
    const model = spec([
      conv('linear'),
      { type: 'activation', activation: 'relu' },
      { type: 'flatten' },
    ]);
    const lines = summaryText(summarize(model), model).split('\n');
    expect(lines.slice(3, 5)).toEqual([
      '              Conv2D    \\|/  -------------------        40     0.1%        24336',
      '                relu   #####     26   26    4',
    ]);
    expect(lines.filter((l) => l.includes('f|'))).toEqual([]);
  });

  it('keeps an Activation block of its own after a layer that already has one', () => {
    const model = spec([
      conv('relu'),
      { type: 'activation', activation: 'tanh' },
      { type: 'flatten' },
    ]);
    const lines = summaryText(summarize(model), model).split('\n');
    expect(lines.slice(5, 7)).toEqual([
      '                        f|   -------------------         0     0.0%            0',
      '                tanh   #####     26   26    4',
    ]);
  });

  it('shows a question mark where a shape cannot be worked out', () => {
    const model = spec([conv('relu'), { type: 'dense', units: 8, activation: 'relu' }]);
    const lines = summaryText(summarize(model), model).split('\n');
    expect(lines[6]).toBe('                relu   #####           ?');
    expect(lines.at(-2)).toBe('Total parameters: 40 (trainable 40, non-trainable 0)');
  });
});
