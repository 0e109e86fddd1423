import { describe, expect, it } from 'vitest';
import type { LayerType } from '../../../src-main/contract/spec';
import {
  ACTIVATION_EXPLANATIONS,
  formatNumber,
  formatSpecMessage,
  LAYER_EXPLANATIONS,
  LAYER_TYPES,
  PRESETS,
  specMessages,
} from '../../../src-main/core/spec';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('specMessages', () => {
  it('has a Polish text for every English one, with the same placeholders', () => {
    for (const [key, text] of Object.entries(specMessages.en)) {
      const polish = specMessages.pl[key];
      expect(polish, key).toBeTypeOf('string');
      expect(polish, key).not.toBe('');
      // The Polish "Ustaw {fieldAcc} na {value}" uses the same names as the English one.
      expect(placeholders(polish), key).toEqual(placeholders(text));
    }
    const extra = Object.keys(specMessages.pl).filter(
      (k) => !(k in specMessages.en) && !k.startsWith('field-acc.'),
    );
    expect(extra).toEqual([]);
  });

  it('fills placeholders, translating field names and formatting numbers per language', () => {
    const params = { fieldAcc: 'compile.epochs', value: 10 };
    expect(formatSpecMessage('en', 'fix.set', params)).toBe('Set epochs to 10');
    expect(formatSpecMessage('pl', 'fix.set', params)).toBe('Ustaw liczbę epok na 10');
    expect(formatSpecMessage('pl', 'fix.set', { fieldAcc: 'kernelSize', value: 2 })).toBe(
      'Ustaw rozmiar okna na 2',
    );
    const big = { params: 6_000_000, limit: 5_000_000 };
    expect(formatSpecMessage('en', 'spec.too-many-params', big)).toContain(
      'has 6,000,000 numbers to learn, more than 5,000,000',
    );
    expect(formatSpecMessage('pl', 'spec.too-many-params', big)).toContain(
      'ma 6\u00a0000\u00a0000 liczb do nauczenia, ponad 5\u00a0000\u00a0000',
    );
    expect(formatSpecMessage('en', 'no.such.key')).toBe('no.such.key');
  });

  it('formats numbers the English and the Polish way', () => {
    expect([7850, 49850, 0.5, -12345].map((n) => formatNumber(n, 'en'))).toEqual([
      '7,850',
      '49,850',
      '0.5',
      '-12,345',
    ]);
    expect([7850, 49850, 0.5, Number.NaN].map((n) => formatNumber(n, 'pl'))).toEqual([
      '7850',
      '49\u00a0850',
      '0,5',
      'NaN',
    ]);
  });
});

describe('explanations', () => {
  const TYPES: (LayerType | 'output')[] = [...LAYER_TYPES, 'output'];

  it('explains every block and activation in English and Polish', () => {
    expect(Object.keys(LAYER_EXPLANATIONS).sort()).toEqual([...TYPES].sort());
    for (const type of TYPES) {
      for (const lang of ['en', 'pl'] as const) {
        const text = LAYER_EXPLANATIONS[type][lang];
        expect(text.label.length, `${type} ${lang}`).toBeGreaterThan(3);
        expect(text.short.length, `${type} ${lang}`).toBeGreaterThan(10);
        expect(text.explain.split('. ').length, `${type} ${lang}`).toBeGreaterThanOrEqual(2);
      }
      expect(LAYER_EXPLANATIONS[type].pl.explain).not.toBe(LAYER_EXPLANATIONS[type].en.explain);
    }
    for (const text of Object.values(ACTIVATION_EXPLANATIONS)) {
      expect(text.en).not.toBe(text.pl);
    }
  });

  it('every preset has a Polish name and description', () => {
    for (const preset of PRESETS) {
      expect(preset.pl.name).not.toBe('');
      expect(preset.pl.description.length).toBeGreaterThan(40);
      expect(preset.spec.name).toBe(preset.name);
    }
  });
});
