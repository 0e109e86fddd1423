// One word for the numbers a network learns: "parameters" ("parametry"), explained once, in the
// Build tab's summary, where Keras's "Param #" is named.
import { describe, expect, it } from 'vitest';
import { en, pl } from '../../../../src-renderer/lib/i18n/en';

const entries = (dict: Record<string, string>) => Object.entries(dict);

describe('the term "parameters"', () => {
  it('counts of what a network learns say parameters, never weights', () => {
    for (const [key, text] of entries(en)) {
      // "weights: 160", "Total weights", "Weights" as a column, "their weights are not counted".
      expect(text, key).not.toMatch(
        /\bweights\s*:|total weights|^weights$|weights are not counted/i,
      );
    }
    for (const [key, text] of entries(pl)) {
      expect(text, key).not.toMatch(/\bwagi\s*:|wszystkie wagi|^wagi$|wagi nie są policzone/i);
    }
    expect(en['builder.summary.params']).toBe('Parameters');
    expect(pl['builder.summary.params']).toBe('Parametry');
    expect(en['builder.block.params']).toBe('parameters: {count}');
    expect(en['notebook.run.facts']).toContain('{params} parameters');
  });

  it('is explained once, naming Keras’s “Param #”', () => {
    const explains = (dict: Record<string, string>) =>
      entries(dict)
        .filter(([, text]) => text.includes('Param #'))
        .map(([key]) => key);
    expect(explains(en)).toEqual(['builder.summary.paramsHint']);
    expect(explains(pl)).toEqual(['builder.summary.paramsHint']);
  });
});
