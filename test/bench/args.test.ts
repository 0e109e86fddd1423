// The options of `npm run bench` and `letter-lab bench`.
import { describe, expect, it } from 'vitest';
import { benchOptions } from '../../bench/args';
import { SAMPLE_MAT } from '../../bench/suite';

describe('benchOptions', () => {
  it('reads the options and refuses bad numbers, naming the option', () => {
    const o = benchOptions(
      { presets: 'mlp, conv', batches: '3', repeats: '2', threads: '1', 'no-torch': true },
      {},
    );
    expect(o).toMatchObject({
      presets: ['mlp', 'conv'],
      batches: 3,
      repeats: 2,
      threads: 1,
      torch: false,
      mat: null,
    });
    expect(benchOptions({}, { NOTMNIST_MAT: SAMPLE_MAT })).toMatchObject({
      presets: [],
      batches: 0,
      repeats: 3,
      torch: true,
      mat: SAMPLE_MAT,
    });
    expect(() => benchOptions({ batches: '-1' }, {})).toThrow(/--batches must be a whole number/);
    expect(() => benchOptions({ repeats: 'x' }, {})).toThrow(/--repeats/);
  });
});
