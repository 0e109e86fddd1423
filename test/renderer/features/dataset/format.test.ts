// The sample set's name in the UI's language, from the font count the host sends.
import { describe, expect, it } from 'vitest';
import sampleMeta from '../../../../resources/sample/sample-letters.json';
import { datasetLabel } from '../../../../src-renderer/features/dataset/format';
import { en, pl, type MessageKey } from '../../../../src-renderer/lib/i18n/en';
import { format } from '../../../../src-renderer/lib/i18n/format';

const english = (key: MessageKey, params?: Record<string, string | number>) =>
  format(en[key], params);
const polish = (key: MessageKey, params?: Record<string, string | number>) =>
  format(pl[key], params);

describe('datasetLabel', () => {
  const sample = {
    source: 'sample' as const,
    label: sampleMeta.name,
    fonts: sampleMeta.fonts.length,
  };

  it('words the bundled sample exactly as its generator named it, in English', () => {
    expect(datasetLabel(sample, 'en', english)).toBe(sampleMeta.name);
  });

  it('words the bundled sample in Polish with its font count', () => {
    const text = datasetLabel(sample, 'pl', polish);
    expect(text).toContain(String(sampleMeta.fonts.length));
    expect(text).toMatch(/^Przykładowe litery/);
    expect(text).not.toMatch(/[{}]/);
  });

  it('keeps the host’s label for files and for a sample without a font count', () => {
    expect(datasetLabel({ source: 'upload', label: 'tiny.mat' }, 'pl', polish)).toBe('tiny.mat');
    expect(
      datasetLabel({ source: 'file', label: 'notMNIST_small.mat', fonts: 3 }, 'pl', polish),
    ).toBe('notMNIST_small.mat');
    expect(datasetLabel({ source: 'sample', label: 'Sample letters' }, 'pl', polish)).toBe(
      'Sample letters',
    );
  });
});
