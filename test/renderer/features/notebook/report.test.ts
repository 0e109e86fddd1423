// The lab notebook's report has the Lessons' ladder of the compared runs: a notebook step's
// network as a numbered dot, a network of the camper's own as a diamond.
import { describe, expect, it } from 'vitest';
import { en } from '../../../../src-renderer/lib/i18n/en';
import { format } from '../../../../src-renderer/lib/i18n/format';
import { reportHtml } from '../../../../src-renderer/features/notebook/report';
import { lessonStep, stepSpec } from '../../../../src-main/core/lessons';
import type { RunRecord } from '../../../../src-main/contract/runs';
import { runEntry } from '../../fixtures';

function run(id: string, spec: RunRecord['spec'], valAcc: number): RunRecord {
  const record = runEntry(id).record as RunRecord;
  return { ...record, spec, finalValAcc: valAcc, status: 'finished' };
}

describe('lab notebook report', () => {
  it('puts the compared runs on the ladder', () => {
    const step = stepSpec(lessonStep('conv-maxpool')!, 3, 'Mine too');
    const own = {
      ...step,
      layers: step.layers.map((l) => (l.type === 'conv2d' ? { ...l, filters: 8 } : l)),
    };
    const html = reportHtml({
      lang: 'en',
      t: (key, params) => format(en[key], params),
      madeAt: '2025-06-12T14:05:00.000Z',
      runs: [run('a', step, 0.9), run('b', own, 0.88)],
      verdicts: {},
      comparison: null,
      charts: null,
    });
    expect(html).toContain('<h2>The ladder</h2>');
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg.match(/<path d="M/g)).toHaveLength(2);
    expect(svg).toContain('>4</text>');
  });
});
