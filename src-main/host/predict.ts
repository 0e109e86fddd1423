import { z } from 'zod';
import type {
  ActivationsResponse,
  PredictModelInfo,
  PredictedLetter,
  Prediction,
  SamplesResponse,
} from '../contract/predict';
import type { LetterImage } from '../contract/dataset';
import {
  firstConvFilters,
  inputSize,
  layerActivations,
  mapLayers,
  predictImages,
} from '../core/activations';
import { classNames as letterNames } from '../core/dataset/labels';
import { mulberry32, testLettersHeldOut, trainedWithOldSplit } from '../core/dataset/split';
import type { SplitImageSet } from '../core/dataset/types';
import { LetterLabError } from '../core/errors';
import type { ActiveModel, ModelCache } from './model-cache';
import type { ApiRegistry } from './registry';
import type { HostContext } from './context';

/** Most test letters one request may ask for. */
export const MAX_SAMPLES = 24;
/** Largest picture the channels take: the spec's 128x128 with 4 channels. */
const MAX_PIXELS = 128 * 128 * 4;
const GREY_LEVELS = 255;

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function significant(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(4)) : value;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The network's answers and a look inside it, for the Predict tab. */
export class PredictService {
  constructor(private readonly ctx: HostContext) {}

  private get models(): ModelCache {
    const models = this.ctx.session.models;
    if (!models) throw new Error('the model cache is not set up');
    return models;
  }

  private classNames(active: ActiveModel): string[] {
    const classes = active.meta.spec.classes;
    const open = this.ctx.session.dataset;
    return open && open.set.classes === classes ? open.set.classNames : letterNames(classes);
  }

  private sameSplit(active: ActiveModel): boolean | null {
    const open = this.ctx.session.dataset;
    if (!open) return null;
    return testLettersHeldOut(active.meta.dataset, {
      fingerprint: open.info.fingerprint,
      seed: open.info.split.seed,
      testFraction: open.info.split.testFraction,
    });
  }

  async model(): Promise<PredictModelInfo | null> {
    if (!this.models.available()) return null;
    const active = await this.models.get();
    const { height, width } = inputSize(active.model);
    return {
      name: active.meta.name,
      source: active.source,
      epochs: active.meta.history.length,
      accuracy: active.meta.accuracy,
      classNames: this.classNames(active),
      input: { height, width },
      mapLayers: mapLayers(active.model).map((l) => l.name),
      hasConv: active.model.layers.some((l) => l.getClassName() === 'Conv2D'),
      sameSplit: this.sameSplit(active),
    };
  }

  async pixels(pixels: number[]): Promise<Prediction> {
    const { model } = await this.models.get();
    const [answer] = predictImages(
      model,
      Float32Array.from(pixels, (v) => v / GREY_LEVELS),
      1,
    );
    return answer;
  }

  async samples(count: number, seed: number): Promise<SamplesResponse> {
    const active = await this.models.get();
    const set = this.openSet(active);
    if (set.test.length === 0) {
      throw new LetterLabError(
        'predict.bad-input',
        'The open letters have no test split to pick from: change the split in the Letters tab.',
      );
    }
    const indices = pick(set.test, Math.min(count, set.test.length), seed);
    const size = set.height * set.width;
    const batch = new Float32Array(indices.length * size);
    indices.forEach((index, k) =>
      batch.set(set.images.subarray(index * size, (index + 1) * size), k * size),
    );
    const answers = predictImages(active.model, batch, indices.length);
    const letters: PredictedLetter[] = indices.map((index, k) => ({
      image: this.letter(set, index, true),
      ...answers[k],
    }));
    return {
      letters,
      classNames: this.classNames(active),
      sameSplit: this.sameSplit(active),
      oldSplit: trainedWithOldSplit(active.meta.dataset),
      testCount: set.test.length,
    };
  }

  async activations(
    request: { pixels: number[] } | { index: number },
  ): Promise<ActivationsResponse> {
    const active = await this.models.get();
    let input: number[];
    let label: number | null = null;
    if ('index' in request) {
      const set = this.openSet(active);
      if (request.index >= set.count) {
        throw new LetterLabError(
          'api.bad-request',
          `There is no letter number ${request.index}: the open set has letters 0 to ${set.count - 1}.`,
        );
      }
      const letter = this.letter(set, request.index, set.test.includes(request.index));
      input = letter.pixels;
      label = letter.label;
    } else {
      input = request.pixels;
    }
    const image = Float32Array.from(input, (v) => v / GREY_LEVELS);
    const result = layerActivations(active.model, image);
    const filters = firstConvFilters(active.model);
    return {
      input,
      label,
      probabilities: result.probabilities,
      predicted: result.predicted,
      layers: result.layers.map((layer) => ({
        name: layer.name,
        className: layer.className,
        height: layer.height,
        width: layer.width,
        channels: layer.channels,
        shown: layer.shown,
        maps: toBase64(layer.maps),
        ranges: layer.ranges.map(([min, max]) => [significant(min), significant(max)]),
      })),
      filters: filters && {
        layerName: filters.layerName,
        kernelHeight: filters.kernelHeight,
        kernelWidth: filters.kernelWidth,
        inChannels: filters.inChannels,
        filters: filters.filters,
        shown: filters.shown,
        weights: Array.from(filters.weights, (w) => round(w, 4)),
        absMax: significant(filters.absMax),
      },
    };
  }

  /** The open letters, checked to fit the network. */
  private openSet(active: ActiveModel): SplitImageSet {
    const open = this.ctx.session.dataset;
    if (!open) {
      throw new LetterLabError(
        'training.no-dataset',
        'No letters are open: open the sample letters or a file in the Letters tab.',
      );
    }
    const { height, width } = inputSize(active.model);
    if (open.set.height !== height || open.set.width !== width) {
      throw new LetterLabError(
        'predict.bad-input',
        `This network takes ${height}x${width} letters, but the open letters are ` +
          `${open.set.height}x${open.set.width}: open letters of its size or train a new network.`,
      );
    }
    return open.set;
  }

  private letter(set: SplitImageSet, index: number, test: boolean): LetterImage {
    const size = set.height * set.width;
    const pixels = Array.from(set.images.subarray(index * size, (index + 1) * size), (v) =>
      Math.round(v * GREY_LEVELS),
    );
    return { index, label: set.labels[index], pixels, test };
  }
}

/** `count` different entries of `from`, the same for the same seed. */
function pick(from: Uint32Array, count: number, seed: number): number[] {
  const random = mulberry32(seed);
  const pool = Array.from(from);
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const j = k + Math.floor(random() * (pool.length - k));
    [pool[k], pool[j]] = [pool[j], pool[k]];
    out.push(pool[k]);
  }
  return out;
}

const pixelsSchema = z.array(z.number().int().min(0).max(GREY_LEVELS)).min(1).max(MAX_PIXELS);
const seedSchema = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);

export function setupPredict(registry: ApiRegistry, ctx: HostContext): PredictService {
  const service = new PredictService(ctx);
  registry.handle('predict:model', z.undefined(), () => service.model());
  registry.handle('predict:pixels', z.object({ pixels: pixelsSchema }), ({ pixels }) =>
    service.pixels(pixels),
  );
  registry.handle(
    'predict:samples',
    z.object({ count: z.number().int().min(1).max(MAX_SAMPLES), seed: seedSchema }),
    ({ count, seed }) => service.samples(count, seed),
  );
  registry.handle(
    'predict:activations',
    z.union([z.object({ pixels: pixelsSchema }), z.object({ index: z.number().int().min(0) })]),
    (request) => service.activations(request),
  );
  return service;
}
