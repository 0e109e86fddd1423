// "Build it": the camper's network is compared with the step's; the name and epochs never count,
// every other difference becomes a hint, nudge first, then exactly what to change.
import { describe, expect, it } from 'vitest';
import type { LayerSpec, ModelSpec } from '../../../src-main/contract/spec';
import { checkStep, hintText, lessonStep } from '../../../src-main/core/lessons';
import { stepNetwork } from './records';

const convMaxpool = lessonStep('conv-maxpool')!;

function withLayers(spec: ModelSpec, layers: LayerSpec[]): ModelSpec {
  return { ...spec, layers };
}

describe('checkStep', () => {
  it('accepts every step’s own network under any name and with any epochs', () => {
    for (const id of ['logistic-regression', 'mlp', 'batchnorm', 'fully-convolutional']) {
      const step = lessonStep(id)!;
      const spec = stepNetwork(id, 1);
      expect(checkStep(spec, step)).toEqual({ matches: true, hints: [] });
    }
  });

  it('says which block is missing and after which block', () => {
    const spec = stepNetwork('conv-maxpool');
    const check = checkStep(
      withLayers(
        spec,
        spec.layers.filter((l) => l.type !== 'maxPool2d'),
      ),
      convMaxpool,
    );
    expect(check.matches).toBe(false);
    expect(check.hints).toEqual([
      { kind: 'add', layer: 'MaxPool2D(2x2)', prev: 'Conv2D(16, 3x3)' },
    ]);
    expect(hintText(check.hints[0], 'en', 'nudge')).toBe(
      'Something is missing after Conv2D(16, 3x3).',
    );
    expect(hintText(check.hints[0], 'en', 'tell')).toBe(
      'Add MaxPool2D(2x2) after Conv2D(16, 3x3).',
    );
    expect(hintText(check.hints[0], 'pl', 'tell')).toBe('Dodaj MaxPool2D(2x2) po Conv2D(16, 3x3).');
  });

  it('says which block does not belong, also at the very start', () => {
    const spec = stepNetwork('conv-maxpool');
    const extra: LayerSpec = { type: 'dropout', rate: 0.5 };
    const check = checkStep(withLayers(spec, [extra, ...spec.layers]), convMaxpool);
    expect(check.hints).toEqual([{ kind: 'remove', layer: 'Dropout(0.5)', prev: null }]);
    expect(hintText(check.hints[0], 'en', 'tell')).toBe('Remove the Dropout(0.5) at the start.');
    expect(hintText(check.hints[0], 'pl', 'nudge')).toMatch(/spójrz na początek/);
  });

  it('names a block’s setting with what it should be and what it is', () => {
    const spec = stepNetwork('conv-maxpool');
    const layers = spec.layers.map((l) => (l.type === 'conv2d' ? { ...l, filters: 32 } : l));
    const check = checkStep(withLayers(spec, layers), convMaxpool);
    expect(check.hints).toEqual([
      { kind: 'field', block: 'Conv2D', field: 'filters', want: 16, have: 32 },
    ]);
    expect(hintText(check.hints[0], 'en', 'nudge')).toBe('Check the settings of Conv2D.');
    expect(hintText(check.hints[0], 'en', 'tell')).toBe(
      'In Conv2D, set the number of filters to 16 (it is 32 now).',
    );
    expect(hintText(check.hints[0], 'pl', 'tell')).toBe(
      'W bloku Conv2D ustaw liczbę filtrów na 16 (teraz jest 32).',
    );
  });

  it('gives one hint for another optimizer, not a second one for its learning rate', () => {
    const spec = stepNetwork('conv-maxpool');
    const sgd = {
      ...spec,
      compile: { ...spec.compile, optimizer: 'sgd' as const, learningRate: 0.01 },
    };
    const check = checkStep(sgd, convMaxpool);
    expect(check.hints).toEqual([
      { kind: 'setting', field: 'compile.optimizer', want: 'adam', have: 'sgd' },
    ]);
    expect(hintText(check.hints[0], 'en', 'tell')).toBe(
      'Set the optimizer to adam (it is sgd now).',
    );
  });

  it('asks for the learning rate when only it differs', () => {
    const spec = stepNetwork('conv-maxpool');
    const check = checkStep(
      { ...spec, compile: { ...spec.compile, learningRate: 0.1 } },
      convMaxpool,
    );
    expect(check.hints).toEqual([
      { kind: 'setting', field: 'compile.learningRate', want: 0.001, have: 0.1 },
    ]);
  });

  it('lists block problems top to bottom before the settings', () => {
    const spec = stepNetwork('typical-convnet');
    const layers = spec.layers.slice(1);
    const check = checkStep(
      { ...spec, layers, compile: { ...spec.compile, batchSize: 32 } },
      lessonStep('typical-convnet')!,
    );
    expect(check.hints.map((h) => h.kind)).toEqual(['add', 'setting']);
    expect(check.hints[0]).toMatchObject({ kind: 'add', layer: 'Conv2D(16, 3x3)' });
  });
});
