import { describe, expect, it } from 'vitest';
import type { ModelSpec, SpecProblem } from '../../../src-main/contract/spec';
import {
  applyFix,
  fixLabel,
  formatSpecMessage,
  PARAMS_WARNING_LIMIT,
  PRESETS,
  summarize,
  validateSpec,
} from '../../../src-main/core/spec';
import { CASES, compile, conv, dense, dropout, flatten, maxPool, spec } from './validate-cases';

function only(problems: SpecProblem[], code: string): SpecProblem {
  const found = problems.filter((p) => p.code === code);
  expect(found, JSON.stringify(problems, null, 1)).toHaveLength(1);
  return found[0];
}

describe('validateSpec', () => {
  it('finds nothing wrong with the eight notebook models', () => {
    for (const preset of PRESETS) expect(validateSpec(preset.spec), preset.id).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.what}: ${c.severity} ${c.code} on ${c.layer === null ? 'the model' : `block ${c.layer}`}`, () => {
      const found = only(validateSpec(c.spec), c.code);
      expect(found.severity).toBe(c.severity);
      expect(found.layer).toBe(c.layer);
      expect(found.messageKey).toBe(`spec.${c.code}${c.variant ?? ''}`);
      for (const words of c.says ?? []) expect(found.message).toContain(words);
      if (c.params) expect(found.params).toEqual(c.params);
      expect(found.message).toBe(formatSpecMessage('en', found.messageKey, found.params));
      expect(found.message).not.toMatch(/\{\w+\}/);
      expect(formatSpecMessage('pl', found.messageKey, found.params)).not.toMatch(/\{\w+\}/);
      expect(found.fixes.map((f) => f.label)).toEqual(c.fixes);
    });

    if (c.fixes.length > 0) {
      it(`${c.what}: every fix makes the ${c.code} problem go away`, () => {
        const before = JSON.stringify(c.spec);
        for (const fix of only(validateSpec(c.spec), c.code).fixes) {
          const fixed = applyFix(c.spec, fix);
          expect(
            validateSpec(fixed).filter((p) => p.code === c.code),
            fix.label,
          ).toEqual([]);
        }
        expect(JSON.stringify(c.spec)).toBe(before);
      });
    }
  }

  it('says "the picture is only 2x2 here" in plain words', () => {
    const problem = only(validateSpec(CASES[8].spec), 'window-too-big');
    expect(problem.message).toContain('The picture is only 2x2 here');
    expect(formatSpecMessage('pl', problem.messageKey, problem.params)).toContain(
      'Obrazek ma tu tylko 2x2',
    );
  });

  it('fixing the empty model gives logistic regression, with nothing left to fix', () => {
    const [problem] = validateSpec(spec([]));
    const fixed = applyFix(spec([]), problem.fixes[0]);
    expect(fixed.layers).toEqual([{ type: 'flatten' }]);
    expect(validateSpec(fixed)).toEqual([]);
  });

  it('judges only the first shape problem; later blocks have no shape to judge', () => {
    const problems = validateSpec(spec([conv(), dense(), conv(), dropout(2)]));
    expect(problems.map((p) => [p.code, p.layer])).toEqual([
      ['dense-needs-list', 1],
      ['dropout-rate', 3],
    ]);
  });

  it('warns from just above the parameter limit, not below', () => {
    // Flatten(784) -> Dense(n): 785n parameters, plus 10n + 10 for the output.
    const units = (total: number) => Math.floor((total - 10) / 795);
    const below = spec([flatten, dense(units(PARAMS_WARNING_LIMIT))]);
    const above = spec([flatten, dense(units(PARAMS_WARNING_LIMIT) + 1)]);
    expect(summarize(below).totalParams).toBeLessThanOrEqual(PARAMS_WARNING_LIMIT);
    expect(summarize(above).totalParams).toBeGreaterThan(PARAMS_WARNING_LIMIT);
    expect(validateSpec(below)).toEqual([]);
    expect(validateSpec(above).map((p) => p.code)).toEqual(['too-many-params']);
  });

  it('a nonlinear Activation block after a linear Dense is fine', () => {
    const ok = spec([flatten, dense(64, 'linear'), { type: 'activation', activation: 'relu' }]);
    expect(validateSpec(ok)).toEqual([]);
  });

  it('reports a broken input size and class count without crashing', () => {
    const problems = validateSpec(
      spec([flatten], { input: { height: 0, width: 28, channels: 1 }, classes: 1 }),
    );
    expect(problems.map((p) => [p.code, p.params.value])).toEqual([
      ['input-size', '0x28x1'],
      ['classes', 1],
    ]);
  });

  it('never throws on garbage', () => {
    const garbage = [
      { version: 1, layers: [{ type: 'dense', units: Number.NaN }] },
      { version: 1, layers: 'many', compile: null },
      { version: 1, input: { height: 28 }, layers: [{ type: 'conv2d' }], classes: 'ten' },
    ];
    for (const g of garbage) {
      expect(() => validateSpec(g as unknown as ModelSpec)).not.toThrow();
      expect(validateSpec(g as unknown as ModelSpec).length).toBeGreaterThan(0);
    }
  });

  it('orders problems by block, errors first, whole-model problems last', () => {
    const problems = validateSpec(
      spec([flatten, dense(64, 'softmax'), dense(0)], { compile: compile({ epochs: 0 }) }),
    );
    expect(problems.map((p) => [p.layer, p.severity, p.code])).toEqual([
      [1, 'warning', 'hidden-softmax'],
      [2, 'error', 'units'],
      [null, 'error', 'epochs'],
    ]);
  });
});

describe('applyFix', () => {
  const base = spec([conv(), maxPool(), flatten, dense()]);

  it('inserts, removes and sets without touching the original', () => {
    const frozen = JSON.stringify(base);
    const inserted = applyFix(base, {
      kind: 'insert',
      at: 4,
      layer: dropout(0.5),
      label: 'Add Dropout(0.5)',
    });
    expect(inserted.layers.map((l) => l.type)).toEqual([
      'conv2d',
      'maxPool2d',
      'flatten',
      'dense',
      'dropout',
    ]);
    const removed = applyFix(base, { kind: 'remove', at: 1, label: 'Remove MaxPool2D(2x2)' });
    expect(removed.layers.map((l) => l.type)).toEqual(['conv2d', 'flatten', 'dense']);
    const set = applyFix(base, { kind: 'set', at: 0, field: 'filters', value: 32, label: '' });
    expect(set.layers[0]).toMatchObject({ filters: 32 });
    const epochs = applyFix(base, {
      kind: 'set',
      at: -1,
      field: 'compile.epochs',
      value: 3,
      label: '',
    });
    expect(epochs.compile.epochs).toBe(3);
    expect(JSON.stringify(base)).toBe(frozen);
    expect(set.layers[1]).not.toBe(base.layers[1]);
  });

  it('ignores fixes that point nowhere or at fields a block does not have', () => {
    expect(applyFix(base, { kind: 'remove', at: 9, label: '' })).toEqual(base);
    expect(applyFix(base, { kind: 'set', at: 2, field: 'units', value: 5, label: '' })).toEqual(
      base,
    );
    expect(applyFix(base, { kind: 'set', at: -1, field: 'version', value: 2, label: '' })).toEqual(
      base,
    );
  });

  it('a pool keeps stepping by its window when the window changes', () => {
    const fixed = applyFix(base, { kind: 'set', at: 1, field: 'poolSize', value: 3, label: '' });
    expect(fixed.layers[1]).toEqual({
      type: 'maxPool2d',
      poolSize: 3,
      strides: 3,
      padding: 'valid',
    });
  });

  it('labels fixes in Polish', () => {
    const [problem] = validateSpec(spec([conv(), maxPool()]));
    expect(problem.fixes.map((f) => fixLabel(spec([conv(), maxPool()]), f, 'pl'))).toEqual([
      'Dodaj Flatten',
      'Dodaj GlobalMaxPool2D',
    ]);
    const epochs = only(
      validateSpec(spec([flatten], { compile: compile({ epochs: 0 }) })),
      'epochs',
    );
    expect(fixLabel(spec([flatten]), epochs.fixes[0], 'pl')).toBe('Ustaw liczbę epok na 10');
    const remove = only(validateSpec(spec([flatten, conv()])), 'needs-picture');
    expect(fixLabel(spec([flatten, conv()]), remove.fixes[0], 'pl')).toBe('Usuń Conv2D(16, 3x3)');
  });
});
