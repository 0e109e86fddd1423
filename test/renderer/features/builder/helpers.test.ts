import { describe, expect, it } from 'vitest';
import { checkNumber } from '../../../../src-renderer/features/builder/number-input';
import { gapAt, indexForGap } from '../../../../src-renderer/features/builder/dnd';
import { specFileName } from '../../../../src-renderer/features/builder/spec-file';
import { placeOf } from '../../../../src-renderer/features/builder/problem-places';
import { PRESETS, parseSpec, validateSpec } from '../../../../src-main/core/spec';
import { FIELDS, COMPILE_LIMITS } from '../../../../src-renderer/features/builder/layer-fields';
import type { LayerSpec, ModelSpec } from '../../../../src-main/contract/spec';

describe('number fields', () => {
  const units = { min: 1, max: 4096, integer: true };
  const rate = { min: 0, max: 0.95, integer: false };

  it('accepts numbers in range, with a dot or a Polish comma', () => {
    expect(checkNumber(' 64 ', units)).toEqual({ ok: true, value: 64 });
    expect(checkNumber('0,25', rate)).toEqual({ ok: true, value: 0.25 });
    expect(checkNumber('0.95', rate)).toEqual({ ok: true, value: 0.95 });
  });

  it('says what is wrong otherwise', () => {
    expect(checkNumber('', units)).toEqual({ ok: false, problem: 'empty' });
    expect(checkNumber('abc', units)).toEqual({ ok: false, problem: 'notNumber' });
    expect(checkNumber('2.5', units)).toEqual({ ok: false, problem: 'notWhole' });
    expect(checkNumber('0', units)).toEqual({ ok: false, problem: 'tooSmall' });
    expect(checkNumber('4097', units)).toEqual({ ok: false, problem: 'tooLarge' });
    expect(checkNumber('1', rate)).toEqual({ ok: false, problem: 'tooLarge' });
  });
});

describe('field bounds', () => {
  const FIELD_CODES = new Set([
    'filters',
    'units',
    'window-size',
    'stride',
    'conv-stride',
    'padding',
    'activation',
    'dropout-rate',
  ]);
  const base = structuredClone(PRESETS[0].spec);

  /** A block of `type` with every field at its smallest allowed value, then one field changed. */
  function block(type: string, key: string, value: string | number): LayerSpec {
    const layer: Record<string, unknown> = { type };
    for (const f of FIELDS[type as LayerSpec['type']]) {
      layer[f.key] = f.kind === 'number' ? f.min : f.options[0];
    }
    layer[key] = value;
    return layer as unknown as LayerSpec;
  }

  // Whatever the editor accepts must survive export and import, and pass the field checks.
  it('every value at the ends of every field makes a spec parseSpec and validateSpec accept', () => {
    let checked = 0;
    for (const [type, fields] of Object.entries(FIELDS)) {
      for (const field of fields) {
        const values = field.kind === 'number' ? [field.min, field.max] : [...field.options];
        for (const value of values) {
          const spec: ModelSpec = { ...base, layers: [block(type, field.key, value)] };
          const label = `${type}.${field.key}=${value}`;
          expect(() => parseSpec(JSON.parse(JSON.stringify(spec))), label).not.toThrow();
          const codes = validateSpec(spec).map((p) => p.code);
          expect(
            codes.filter((c) => FIELD_CODES.has(c)),
            label,
          ).toEqual([]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    for (const [key, rule] of Object.entries(COMPILE_LIMITS)) {
      for (const value of [rule.min, rule.max]) {
        const spec = { ...base, compile: { ...base.compile, [key]: value } };
        expect(() => parseSpec(spec), `${key}=${value}`).not.toThrow();
        expect(validateSpec(spec).filter((p) => p.severity === 'error')).toEqual([]);
      }
    }
  });
});

describe('drag and drop', () => {
  it('finds the gap between blocks from the pointer height', () => {
    const mids = [100, 150, 200];
    expect(gapAt(10, mids)).toBe(0);
    expect(gapAt(120, mids)).toBe(1);
    expect(gapAt(199, mids)).toBe(2);
    expect(gapAt(500, mids)).toBe(3);
    expect(gapAt(5, [])).toBe(0);
  });

  it('turns a gap into the index a moved block ends at', () => {
    // Block 1 dropped in gap 3 (between blocks 2 and 3) ends at index 2.
    expect(indexForGap(1, 3)).toBe(2);
    expect(indexForGap(3, 0)).toBe(0);
    // Its own gaps (just above or below it) leave it where it is.
    expect(indexForGap(2, 2)).toBe(2);
    expect(indexForGap(2, 3)).toBe(2);
  });
});

describe('model file names', () => {
  it('makes a safe name from the model name', () => {
    expect(specFileName('Typical ConvNet + dense + dropout')).toBe(
      'typical-convnet-dense-dropout.letter-lab.json',
    );
    expect(specFileName('Moja sieć: łódź żółw')).toBe('moja-siec-lodz-zolw.letter-lab.json');
    expect(specFileName('***')).toBe('model.letter-lab.json');
    expect(specFileName('x'.repeat(300)).length).toBeLessThanOrEqual(
      60 + '.letter-lab.json'.length,
    );
  });
});

describe('where whole-model problems show', () => {
  it('puts answer-layer, training and other problems in their places', () => {
    const spec = structuredClone(PRESETS[0].spec);
    const broken: ModelSpec = {
      ...spec,
      layers: [],
      compile: { ...spec.compile, epochs: 0 },
    };
    const places = validateSpec(broken).map((p) => [p.code, placeOf(p)]);
    expect(places).toContainEqual(['empty', 'output']);
    expect(places).toContainEqual(['epochs', 'compile']);
  });
});
