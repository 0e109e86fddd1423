// The lessons' HTML report, made from records: one self-contained file with the overview, the
// ladder, and per network its settings, what changed, its layers, curves and predictions.
import { describe, expect, it } from 'vitest';
import {
  LESSON_STEPS,
  notebookReportHtml,
  type ReportNetwork,
} from '../../../src-main/core/lessons';
import { record, stepNetwork } from './records';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const CLASSES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];

function network(index: number, valAcc: number): ReportNetwork {
  const step = LESSON_STEPS[index];
  return {
    step: { id: step.id, number: step.number },
    name: step.preset.name,
    record: record({ id: `run-${step.id}`, spec: stepNetwork(step.id, 3), valAcc }),
    predictions: Array.from({ length: 8 }, (_, k) => ({
      image: PNG,
      truth: k,
      probs: CLASSES.map((_, c) => (c === k ? 0.9 : 0.1 / 9)),
    })),
  };
}

const NETWORKS = LESSON_STEPS.map((_, i) => network(i, 0.8 + i * 0.015));

describe('notebookReportHtml', () => {
  const html = notebookReportHtml({
    lang: 'en',
    madeAt: '2025-06-12T14:05:00.000Z',
    backend: 'wasm',
    letters: { label: 'notMNIST_small.mat', train: 14_979, test: 3_745, seed: 42 },
    classNames: CLASSES,
    networks: NETWORKS,
    budget: null,
  });

  it('is one offline document: no scripts, nothing loaded from elsewhere', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).toContain('14,979 for training, 3,745 for testing');
  });

  it('has every network in the notebook’s order with its layers, curves and predictions', () => {
    const titles = [...html.matchAll(/<h2>Step (\d): ([^<]+)<\/h2>/g)].map((m) => Number(m[1]));
    expect(titles).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(html.match(/<section class="network">/g)).toHaveLength(8);
    expect(html.match(/OPERATION {11}DATA DIMENSIONS/g)).toHaveLength(8);
    expect(html.match(/aria-label="Loss: /g)).toHaveLength(8);
    expect(html.match(/aria-label="Accuracy: /g)).toHaveLength(8);
    expect(html.match(/<figure><img src="data:image\/png;base64,/g)).toHaveLength(64);
    expect(html).toContain('A test letter C; the network answered C (90.0% sure).');
  });

  it('has the ladder and, from step 2 on, what changed from the step before', () => {
    expect(html).toContain('<h2>The ladder</h2>');
    expect(html.match(/<p class="change">Compared with step \d:/g)).toHaveLength(7);
    expect(html).toContain('Compared with step 1: 13 times more parameters (7,850 → 101,770)');
  });

  it('escapes names and says when a network could not be loaded', () => {
    const odd = {
      ...network(0, 0.8),
      step: null,
      name: '<img src=x onerror=alert(1)>',
      predictions: null,
    };
    const out = notebookReportHtml({
      lang: 'pl',
      madeAt: '2025-06-12T14:05:00.000Z',
      backend: 'wasm',
      letters: null,
      classNames: CLASSES,
      networks: [NETWORKS[0], odd],
      budget: 25_000,
    });
    expect(out).not.toContain('<img src=x');
    expect(out).toContain('Twoja własna sieć: &lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('Nie udało się wczytać zapisanej sieci');
    expect(out).toContain('<h3>Pobij notatnik</h3>');
    expect(out).toContain('lang="pl"');
  });
});
