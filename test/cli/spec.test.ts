import { describe, expect, it } from 'vitest';
import { cliInProcess } from '../helpers/cli';

interface SummaryJson {
  layers: { name: string; params: number; trainable: number; nonTrainable: number }[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
}

async function summary(preset: string): Promise<SummaryJson> {
  const run = await cliInProcess('summary', '--preset', preset, '--json');
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as SummaryJson;
}

describe('letter-lab summary --json', () => {
  it('reports non-trainable parameters per layer and in total (Keras: 50,042 = 49,946 + 96)', async () => {
    const bn = await summary('batchnorm');
    expect([bn.totalParams, bn.trainableParams, bn.nonTrainableParams]).toEqual([
      50_042, 49_946, 96,
    ]);
    // BatchNormalization after 16 and after 32 channels: moving mean and variance per channel.
    expect(
      bn.layers.filter((l) => l.nonTrainable > 0).map((l) => [l.name, l.trainable, l.nonTrainable]),
    ).toEqual([
      ['batch_normalization_1', 32, 32],
      ['batch_normalization_2', 64, 64],
    ]);
    for (const l of bn.layers) expect(l.trainable + l.nonTrainable).toBe(l.params);
  });

  it('says 0 non-trainable for a model without BatchNormalization', async () => {
    const mlp = await summary('mlp');
    expect([mlp.totalParams, mlp.nonTrainableParams]).toEqual([101_770, 0]);
    expect(mlp.layers.map((l) => l.nonTrainable)).toEqual([0, 0, 0]);
  });
});
