import { describe, expect, it } from 'vitest';
import { FEATURE_MESSAGES, en, pl } from '../../../../src-renderer/lib/i18n/en';
import { format } from '../../../../src-renderer/lib/i18n/format';

describe('UI strings', () => {
  it('every key has a non-empty English and Polish text', () => {
    for (const feature of FEATURE_MESSAGES) {
      const enKeys = Object.keys(feature.en).sort();
      expect(Object.keys(feature.pl).sort()).toEqual(enKeys);
      for (const key of enKeys) {
        expect((feature.en as Record<string, string>)[key].trim(), key).not.toBe('');
        expect((feature.pl as Record<string, string>)[key].trim(), key).not.toBe('');
      }
    }
  });

  it('no key is defined by two features', () => {
    const all = FEATURE_MESSAGES.flatMap((f) => Object.keys(f.en));
    expect(all.length).toBe(new Set(all).size);
    expect(Object.keys(en).length).toBe(all.length);
  });

  it('Polish uses the same placeholders as English', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(pl[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('format fills placeholders and leaves unknown ones visible', () => {
    expect(format('Backend: {name}', { name: 'wasm' })).toBe('Backend: wasm');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
