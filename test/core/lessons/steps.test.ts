// The lessons follow the notebook's eight models in its order, use core's presets (not copies),
// and train for the notebook's epochs unless a teacher's cap is lower.
import { describe, expect, it } from 'vitest';
import {
  LESSON_STEPS,
  checkStep,
  lessonStep,
  stepEpochs,
  stepSpec,
} from '../../../src-main/core/lessons';
import { PRESETS } from '../../../src-main/core/spec';

describe('lesson steps', () => {
  it('are the eight notebook models in the notebook’s order, numbered from 1', () => {
    expect(LESSON_STEPS.map((s) => s.id)).toEqual([
      'logistic-regression',
      'mlp',
      'conv',
      'conv-maxpool',
      'typical-convnet',
      'convnet-dense-dropout',
      'batchnorm',
      'fully-convolutional',
    ]);
    expect(LESSON_STEPS.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(LESSON_STEPS.map((s) => s.idea)).size).toBe(8);
  });

  it('use the presets themselves, so a change to a preset is a change to its step', () => {
    for (const step of LESSON_STEPS) {
      expect(step.preset).toBe(PRESETS.find((p) => p.id === step.id));
    }
  });

  it('train for the notebook’s epochs, or the teacher’s cap when it is lower', () => {
    const mlp = lessonStep('mlp')!;
    const notebook = mlp.preset.spec.compile.epochs;
    expect(stepEpochs(mlp, null)).toBe(notebook);
    expect(stepEpochs(mlp, 3)).toBe(3);
    expect(stepEpochs(mlp, notebook + 50)).toBe(notebook);
  });

  it('make a named copy of the step’s network with the epochs set, leaving the preset alone', () => {
    const step = lessonStep('conv')!;
    const before = structuredClone(step.preset.spec);
    const spec = stepSpec(step, 2, 'Sieć konwolucyjna');
    expect(spec.name).toBe('Sieć konwolucyjna');
    expect(spec.compile.epochs).toBe(2);
    expect(spec.layers).toEqual(before.layers);
    spec.layers.pop();
    expect(step.preset.spec).toEqual(before);
    expect(checkStep(stepSpec(step, 2), step).matches).toBe(true);
  });

  it('knows no step it does not have', () => {
    expect(lessonStep('resnet')).toBeNull();
  });
});
