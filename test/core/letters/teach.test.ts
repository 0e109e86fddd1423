// Teaching a trained network with new letters: every batch mixes in the chosen share of them, the
// held-back letters are never trained on, and a network that fails on the new letters learns them
// without forgetting the old ones.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageSet } from '../../../src-main/core/dataset/types';
import { initBackend } from '../../../src-main/core/backend';
import { measureTeaching, teachingData } from '../../../src-main/core/letters';
import { buildModel, compileModel } from '../../../src-main/core/model/build';
import { train } from '../../../src-main/core/training';
import { smallConvSpec, syntheticSet } from '../training/synthetic';

const SIZE = 12;
const CLASSES = 4;

/** "Handwriting" the fonts never showed: class k is a bright vertical bar in column band k. */
function newStyle(count: number, seed: number): ImageSet {
  const fonts = syntheticSet(count, SIZE, CLASSES, seed);
  const images = new Float32Array(fonts.images.length);
  // The same pictures turned by 90 degrees: rows become columns.
  for (let k = 0; k < count; k++) {
    for (let r = 0; r < SIZE; r++) {
      for (let c = 0; c < SIZE; c++) {
        images[k * SIZE * SIZE + c * SIZE + r] = fonts.images[k * SIZE * SIZE + r * SIZE + c];
      }
    }
  }
  return { ...fonts, images };
}

function indices(from: number, to: number): Uint32Array {
  return Uint32Array.from({ length: to - from }, (_, i) => from + i);
}

describe('teaching data', () => {
  const fonts = syntheticSet(500, SIZE, CLASSES, 3);
  const mine = newStyle(50, 9);
  const parts = { letters: { set: mine, train: indices(0, 40), heldBack: indices(40, 50) }, fonts };

  it('mixes the chosen share of the letters into every batch, and never a held-back one', () => {
    const data = teachingData(parts, { mode: 'mixed', share: 0.25, batchSize: 32, seed: 1 });
    expect(data.counts).toEqual({
      lettersTrain: 40,
      heldBack: 10,
      fontsTrain: 400,
      fontsTest: 100,
    });
    expect(Array.from(data.set.test)).toEqual(Array.from(indices(540, 550)));
    expect(data.fontTest).toEqual(fonts.test);
    for (const epoch of [0, 1, 2]) {
      const order = (data.epochOrder as (e: number) => Uint32Array)(epoch);
      expect(order.length).toBe(data.set.train.length);
      const batches = Math.ceil(order.length / 32);
      for (let b = 0; b < batches; b++) {
        const batch = Array.from(order.subarray(b * 32, (b + 1) * 32));
        expect(batch.filter((i) => i >= 500).length).toBe(8);
        expect(batch.some((i) => i >= 540)).toBe(false);
      }
      // Every font training letter once per epoch.
      const fontsSeen = Array.from(order)
        .filter((i) => i < 500)
        .sort((a, b) => a - b);
      expect(fontsSeen).toEqual(Array.from(fonts.train).sort((a, b) => a - b));
    }
    const order = data.epochOrder as (e: number) => Uint32Array;
    expect(order(1)).toEqual(order(1));
    expect(order(1)).not.toEqual(order(2));
  });

  it('trains on the letters alone in "only" mode, still measuring the fonts', () => {
    const data = teachingData(parts, { mode: 'only', share: 0.25, batchSize: 32, seed: 1 });
    expect(Array.from(data.set.train)).toEqual(Array.from(indices(500, 540)));
    expect(data.epochOrder).toBeNull();
    expect(data.counts.fontsTrain).toBe(0);
  });

  it('says what is missing when there is too little to teach with', () => {
    const few = { ...parts, letters: { set: mine, train: indices(0, 3), heldBack: indices(3, 5) } };
    expect(() => teachingData(few, { mode: 'only', share: 0.2, batchSize: 32, seed: 1 })).toThrow(
      /Only 3 of these 50 letters .* at least 5/,
    );
    const none = {
      ...parts,
      letters: { set: mine, train: indices(0, 50), heldBack: indices(0, 0) },
    };
    expect(() => teachingData(none, { mode: 'only', share: 0.2, batchSize: 32, seed: 1 })).toThrow(
      /None of these 50 letters is held back/,
    );
    expect(() =>
      teachingData(
        { ...parts, fonts: null },
        { mode: 'mixed', share: 0.2, batchSize: 32, seed: 1 },
      ),
    ).toThrow(/no font letters to mix in/);
    expect(() =>
      teachingData(parts, { mode: 'mixed', share: 0.9, batchSize: 32, seed: 1 }),
    ).toThrow(/from 0.05 to 0.75/);
  });
});

describe('teaching a trained network', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('learns the new letters (held back ones too) and keeps the fonts', async () => {
    const fonts = syntheticSet(800, SIZE, CLASSES, 21);
    const mine = newStyle(120, 22);
    const spec = smallConvSpec(SIZE, CLASSES, 32);
    const model = buildModel(spec, { seed: 4 });
    compileModel(model, spec.compile);
    await train(fonts, model, { epochs: 3, batchSize: 32, seed: 1, threads: 1 });
    const parts = {
      letters: { set: mine, train: indices(0, 90), heldBack: indices(90, 120) },
      fonts,
    };
    const data = teachingData(parts, { mode: 'mixed', share: 0.25, batchSize: 32, seed: 2 });
    const before = await measureTeaching(model, data);
    const result = await train(data.set, model, {
      epochs: 3,
      batchSize: 32,
      seed: 2,
      threads: 1,
      epochOrder: data.epochOrder ?? undefined,
    });
    const after = await measureTeaching(model, data);
    console.log(
      `held back ${before.heldBack.accuracy.toFixed(2)} -> ${after.heldBack.accuracy.toFixed(2)}, ` +
        `fonts ${before.fonts?.accuracy.toFixed(2)} -> ${after.fonts?.accuracy.toFixed(2)}`,
    );
    expect(before.heldBack.count).toBe(30);
    expect(before.fonts?.count).toBe(fonts.test.length);
    expect(before.fonts?.accuracy).toBeGreaterThan(0.9);
    expect(before.heldBack.accuracy).toBeLessThan(0.6);
    expect(after.heldBack.accuracy).toBeGreaterThan(0.85);
    expect(after.fonts?.accuracy).toBeGreaterThan(0.85);
    // The per-epoch check during teaching is on the held-back letters.
    expect(result.valAcc).toBeCloseTo(after.heldBack.accuracy, 5);
    model.optimizer?.dispose();
    model.dispose();
  });
});
