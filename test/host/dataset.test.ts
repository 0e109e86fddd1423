// The open letters' version: every open and every new split is a newer version, and the event a
// window hears carries the same letters as the answer, so a late event can be told from news.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../src-main/contract/dataset';
import type { HostContext } from '../../src-main/host/context';
import { setupDataset } from '../../src-main/host/dataset';
import { ApiRegistry } from '../../src-main/host/registry';
import {
  hostCalls,
  makeHostContext,
  webPlatformWithoutTrainer,
  type HostCalls,
} from '../helpers/host';

let userData: string;
let ctx: HostContext;
let call: HostCalls['call'];
const heard: DatasetInfo[] = [];

beforeAll(async () => {
  userData = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-dataset-'));
  ctx = await makeHostContext(userData, webPlatformWithoutTrainer('no training in this test'));
  const registry = new ApiRegistry();
  ({ call } = hostCalls(registry));
  setupDataset(registry, ctx);
  ctx.events.subscribe((event, payload) => {
    if (event === 'dataset:changed') heard.push(payload as DatasetInfo);
  });
});

afterAll(async () => {
  await rm(userData, { recursive: true, force: true });
});

describe('the open letters’ version', () => {
  it('grows with every open and split, and the event says the same as the answer', async () => {
    // The host opens its start-up letters by itself.
    const first = await call('dataset:current');
    expect(heard).toEqual([first]);
    heard.length = 0;
    const answers = [
      await call('dataset:open-sample'),
      await call('dataset:split', { seed: 7, testFraction: 0.3 }),
      await call('dataset:split', { seed: 7, testFraction: 0.3 }),
      await call('dataset:open-sample'),
    ];
    const versions = answers.map((info) => info.version);
    expect(versions[0]).toBeGreaterThan(first?.version ?? Infinity);
    expect(versions.every((v, i) => i === 0 || v > versions[i - 1])).toBe(true);
    expect(heard).toEqual(answers);
    expect((await call('dataset:current'))?.version).toBe(versions.at(-1));
  });
});
