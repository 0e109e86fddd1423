// The ladder's geometry and its SVG: more parameters sit further right (log scale), longer
// training further right in the second panel, better accuracy higher; the budget is a line.
import { describe, expect, it } from 'vitest';
import type { LadderPoint } from '../../../src-main/contract/lessons';
import { ladderLayout, ladderSvg } from '../../../src-main/core/lessons';

const point = (
  number: number | null,
  params: number,
  valAcc: number,
  seconds: number,
): LadderPoint => ({
  runId: `run-${number ?? params}`,
  step: number === null ? null : `step-${number}`,
  number,
  name: number === null ? `Mine <b>${params}</b>` : `Step ${number}`,
  params,
  valAcc,
  seconds,
});

const POINTS = [
  point(1, 7_850, 0.84, 20),
  point(2, 101_770, 0.88, 80),
  point(4, 27_210, 0.9, 60),
  point(null, 20_000, 0.93, 300),
];
const LABELS = {
  params: 'Parameters',
  time: 'Time',
  accuracy: 'Accuracy',
  budget: 'budget 25,000',
  title: 'The ladder',
};

describe('ladderLayout', () => {
  const l = ladderLayout(POINTS, 'en', 25_000);
  const [lr, mlp, pool, mine] = l.points;

  it('puts parameters on a log scale: ten times more is always the same distance', () => {
    expect(mlp.px).toBeGreaterThan(pool.px);
    expect(pool.px).toBeGreaterThan(lr.px);
    const tick = (v: string) => l.params.ticks.find((t) => t.label === v)!.at;
    expect(tick('100K') - tick('10K')).toBeCloseTo(tick('10K') - tick('1K'), 0);
    expect(lr.px).toBeGreaterThan(tick('1K'));
    expect(lr.px).toBeLessThan(tick('10K'));
  });

  it('puts training time on its own log scale and better accuracy higher', () => {
    expect(mine.tx).toBeGreaterThan(mlp.tx);
    expect(lr.tx).toBeLessThan(pool.tx);
    expect(l.time.x).toBeGreaterThan(l.params.x + l.params.width);
    expect(mine.y).toBeLessThan(pool.y);
    expect(pool.y).toBeLessThan(lr.y);
    expect(l.time.ticks.map((t) => t.label)).toContain('1 min');
  });

  it('joins the steps in order, leaves own networks out of the line, draws the budget', () => {
    expect(l.stepLine.params).toBe(`${lr.px},${lr.y} ${mlp.px},${mlp.y} ${pool.px},${pool.y}`);
    expect(l.budgetX).toBeGreaterThan(mine.px);
    expect(l.budgetX).toBeLessThan(pool.px);
  });

  it('labels the axes in Polish with Polish numbers', () => {
    const pl = ladderLayout(POINTS, 'pl');
    expect(pl.params.ticks.map((t) => t.label)).toContain('10\u00a0tys.');
    expect(pl.budgetX).toBeNull();
  });
});

describe('ladderSvg', () => {
  it('draws a numbered dot per step and a diamond per own network in each panel', () => {
    const svg = ladderSvg(POINTS, 'en', LABELS, 25_000);
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(svg.match(/<path d="M/g)).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('role="img" aria-label="The ladder"');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toMatch(/<script|on\w+=/);
  });

  it('is empty with nothing to plot', () => {
    expect(ladderSvg([], 'en', LABELS)).toBe('');
  });
});
