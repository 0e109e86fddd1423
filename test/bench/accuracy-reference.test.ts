// The accuracy reference of the README's table (bench/reference_torch.py --mat): it trains a
// notebook model with Keras's defaults on a .mat split as the notebook splits it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probeTorch } from '../../bench/torch-reference';
import { PRESETS } from '../../src-main/core/spec/presets';

const torch = await probeTorch();
if (torch.unavailable) console.log(`accuracy reference tests skipped: ${torch.unavailable}`);
const dir = mkdtempSync(path.join(tmpdir(), 'letter-lab-accuracy-ref-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function python(args: string[]): string {
  const run = spawnSync(torch.python as string, args, { encoding: 'utf8', cwd: dir });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

describe('reference_torch.py --mat (accuracy mode)', () => {
  it.skipIf(torch.python === null)(
    'trains the batch-norm model for its epochs on the notebook split of a .mat',
    () => {
      const mat = path.join(dir, 'letters.mat');
      python([
        '-c',
        `import numpy as np
from scipy.io import savemat
rng = np.random.RandomState(0)
labels = np.arange(203) % 10
images = rng.randint(0, 60, size=(28, 28, 203)).astype(np.uint8)
for k, c in enumerate(labels):
    images[2 * c:2 * c + 6, :, k] = 255  # a bar whose height tells the class
savemat('${mat}', {'images': images, 'labels': labels.reshape(-1, 1).astype(np.uint8)})`,
      ]);
      const spec = path.join(dir, 'bn.json');
      const preset = PRESETS.find((p) => p.id === 'batchnorm')!;
      writeFileSync(spec, JSON.stringify(preset.spec));
      const lines = python([
        path.resolve('bench/reference_torch.py'),
        '--spec',
        spec,
        '--mat',
        mat,
        '--epochs',
        '3',
        '--threads',
        '1',
      ])
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, number | string | null>);
      expect(lines).toHaveLength(4);
      expect(lines.slice(0, 3).map((l) => l.epoch)).toEqual([1, 2, 3]);
      for (const l of lines.slice(0, 3)) {
        expect(l.valAcc as number).toBeGreaterThanOrEqual(0);
        expect(l.valAcc as number).toBeLessThanOrEqual(1);
      }
      // 203 letters: ceil(0.2 * 203) = 41 held out, as scikit-learn holds out.
      expect(lines[3]).toMatchObject({ train: 162, test: 41, epochs: 3 });
      // The bars are easy: the network learns them.
      expect(lines[2].acc as number).toBeGreaterThan(0.5);
    },
  );
});
