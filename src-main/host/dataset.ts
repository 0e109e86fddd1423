import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DatasetInfo, DatasetSource, LetterImage } from '../contract/dataset';
import { loadDataset } from '../core/dataset/load';
import { splitDataset } from '../core/dataset/split';
import { mulberry32 } from '../core/dataset/split';
import type { SplitImageSet } from '../core/dataset/types';
import { LetterLabError } from '../core/errors';
import type { ApiRegistry } from './registry';
import type { HostContext, OpenDataset } from './context';
import {
  SAMPLE_FILE,
  pruneUploads,
  releaseUpload,
  sampleName,
  storeUpload,
  type SetName,
} from './dataset-files';

/** A split to open letters with, instead of the split of the letters open before. */
interface SplitChoice {
  seed: number;
  testFraction: number;
}

function toInfo(
  source: DatasetSource,
  name: SetName,
  set: SplitImageSet,
  core: Awaited<ReturnType<typeof loadDataset>>['info'],
  version: number,
): DatasetInfo {
  return {
    source,
    label: name.label,
    ...(name.fonts === undefined ? {} : { fonts: name.fonts }),
    fileName: core.fileName,
    fileBytes: core.fileBytes,
    format: core.format,
    compressed: core.compressed,
    count: set.count,
    height: set.height,
    width: set.width,
    classes: set.classes,
    classNames: set.classNames,
    countsPerClass: core.countsPerClass,
    split: {
      train: set.train.length,
      test: set.test.length,
      seed: set.seed,
      testFraction: set.testFraction,
    },
    fingerprint: core.fingerprint,
    loadMs: Math.round(core.loadMs),
    version,
  };
}

function letter(set: SplitImageSet, index: number, testSet: Set<number>): LetterImage {
  const size = set.height * set.width;
  const pixels = new Array<number>(size);
  for (let i = 0; i < size; i++) pixels[i] = Math.round(set.images[index * size + i] * 255);
  return { index, label: set.labels[index], pixels, test: testSet.has(index) };
}

/** The dataset the host has open; loads are one at a time and report progress. */
export class DatasetService {
  private loading: Promise<DatasetInfo> | null = null;
  private initial: Promise<DatasetInfo | null> | null = null;
  private testIndices = new Set<number>();
  private changes = 0;

  constructor(private readonly ctx: HostContext) {}

  current(): OpenDataset | null {
    return this.ctx.session.dataset;
  }

  /** Waits for the start-up search and any load in progress, then returns what is open. */
  async settled(): Promise<DatasetInfo | null> {
    // Between two start-up candidates no load runs, but the search is not over.
    if (this.initial) await this.initial;
    if (this.loading) await this.loading.catch(() => undefined);
    return this.ctx.session.dataset?.info ?? null;
  }

  open(
    file: string,
    source: DatasetSource,
    name?: SetName,
    split?: SplitChoice,
  ): Promise<DatasetInfo> {
    if (this.ctx.session.training?.active) {
      throw new LetterLabError('training.busy', 'Stop the training before opening other letters.');
    }
    const load = this.load(file, source, name, split);
    this.loading = load;
    // Clears the slot either way; the caller gets the rejection (a bare .finally() would leave an
    // unhandled rejection behind, which ends the Node process).
    const clear = () => {
      if (this.loading === load) this.loading = null;
    };
    load.then(clear, clear);
    return load;
  }

  async openSample(): Promise<DatasetInfo> {
    const file = path.join(this.ctx.paths.resources, SAMPLE_FILE);
    return this.open(file, 'sample', await sampleName(this.ctx.paths.resources));
  }

  /** On start: the command line's file, the teacher's default, the last one, else the sample. */
  openInitial(): Promise<DatasetInfo | null> {
    this.initial ??= this.findInitial();
    return this.initial;
  }

  private async findInitial(): Promise<DatasetInfo | null> {
    const settings = this.ctx.settings.get();
    const candidates = [this.ctx.initialDatasetPath, settings.defaultDataset, settings.lastDataset];
    for (const file of candidates) {
      if (!file) continue;
      try {
        return await this.open(file, 'file');
      } catch {
        // A moved or broken file must not stop the app: try the next one.
      }
    }
    return this.openSample().catch(() => null);
  }

  resplit(seed: number, testFraction: number): DatasetInfo {
    const open = this.requireOpen();
    const set = splitDataset(open.set, { seed, testFraction });
    const info = {
      ...open.info,
      split: { train: set.train.length, test: set.test.length, seed, testFraction },
      version: ++this.changes,
    };
    this.ctx.session.dataset = { ...open, set, info };
    this.testIndices = new Set(set.test);
    this.ctx.events.emit('dataset:changed', info);
    return info;
  }

  image(index: number): LetterImage {
    const { set } = this.requireOpen();
    if (index >= set.count) {
      throw new LetterLabError(
        'api.bad-request',
        `There is no letter number ${index}: this set has letters 0 to ${set.count - 1}.`,
      );
    }
    return letter(set, index, this.testIndices);
  }

  /** The notebook's grid: `perClass` random letters of every class, the same for the same seed. */
  grid(perClass: number, seed: number): { label: number; images: LetterImage[] }[] {
    const { set } = this.requireOpen();
    const byClass: number[][] = Array.from({ length: set.classes }, () => []);
    for (let i = 0; i < set.count; i++) byClass[set.labels[i]].push(i);
    const random = mulberry32(seed);
    return byClass.map((indices, label) => {
      const picked: LetterImage[] = [];
      const pool = [...indices];
      for (let k = 0; k < perClass && pool.length > 0; k++) {
        const j = Math.floor(random() * pool.length);
        picked.push(letter(set, pool[j], this.testIndices));
        pool[j] = pool[pool.length - 1];
        pool.pop();
      }
      return { label, images: picked };
    });
  }

  private requireOpen(): OpenDataset {
    const open = this.ctx.session.dataset;
    if (!open)
      throw new LetterLabError(
        'training.no-dataset',
        'No letters are open yet: open a file or the sample letters.',
      );
    return open;
  }

  /**
   * Opens the letters the current training run learned from again, split as the run split them,
   * so "train more" can go on. Refuses when the file is gone or no longer holds those letters.
   */
  async reopenRunLetters(): Promise<DatasetInfo> {
    const training = this.ctx.session.training;
    const letters = training?.runLetters();
    const run = training?.snapshot().dataset;
    if (!letters || !run) {
      throw new LetterLabError(
        'training.bad-options',
        'No network has been trained yet, so there are no letters of a run to open again.',
      );
    }
    const split = { seed: run.splitSeed, testFraction: run.testFraction };
    const open = this.ctx.session.dataset;
    let info: DatasetInfo;
    if (open && open.path === letters.path && open.info.fingerprint === run.fingerprint) {
      info = this.resplit(split.seed, split.testFraction);
    } else {
      const name = {
        label: letters.label,
        ...(letters.fonts === undefined ? {} : { fonts: letters.fonts }),
      };
      info = await this.open(letters.path, letters.source, name, split);
    }
    if (info.fingerprint !== run.fingerprint) {
      throw new LetterLabError(
        'training.other-letters',
        `The file ${letters.path} has changed since the run learned from it: it holds other letters now. Start a new run on them.`,
      );
    }
    return info;
  }

  private async load(
    file: string,
    source: DatasetSource,
    name?: SetName,
    split?: SplitChoice,
  ): Promise<DatasetInfo> {
    const resolved = path.resolve(file);
    try {
      await fs.access(resolved);
    } catch {
      throw new LetterLabError(
        'file.not-found',
        `There is no file at ${resolved}. Check the name, or pick the file again.`,
      );
    }
    const previous = this.ctx.session.dataset;
    const seed = split?.seed ?? previous?.info.split.seed ?? 42;
    const testFraction = split?.testFraction ?? previous?.info.split.testFraction ?? 0.2;
    let lastSent = -1;
    const { set, info: core } = await loadDataset(resolved, {
      seed,
      testFraction,
      onProgress: (fraction, stage) => {
        if (fraction - lastSent >= 0.02 || fraction === 1) {
          lastSent = fraction;
          this.ctx.events.emit('dataset:progress', { fraction, stage });
        }
      },
    });
    const info = toInfo(source, name ?? { label: core.fileName }, set, core, ++this.changes);
    this.ctx.session.dataset = { path: resolved, info, set };
    this.testIndices = new Set(set.test);
    if (source !== 'sample')
      await this.ctx.settings.update({ lastDataset: resolved }).catch(() => undefined);
    this.ctx.events.emit('dataset:changed', info);
    return info;
  }
}

export function setupDataset(registry: ApiRegistry, ctx: HostContext): DatasetService {
  const service = new DatasetService(ctx);
  registry.handle('dataset:current', z.undefined(), () => service.settled());
  registry.handle('training:reopen-letters', z.undefined(), () => service.reopenRunLetters());
  registry.handle('dataset:open-sample', z.undefined(), () => service.openSample());
  registry.handle('dataset:choose', z.undefined(), async () => {
    if (!ctx.platform.chooseFile) {
      throw new LetterLabError(
        'api.bad-request',
        'This window cannot show a file dialog: drop the file on the page instead.',
      );
    }
    const file = await ctx.platform.chooseFile({
      title: 'notMNIST letters (.mat)',
      extensions: ['mat', 'gz'],
    });
    return file ? service.open(file, 'file') : null;
  });
  registry.handle(
    'dataset:upload',
    z.object({ name: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array) }),
    async ({ name, bytes }) => {
      const file = await storeUpload(ctx.paths.userData, name, bytes);
      try {
        return await service.open(file, 'upload', { label: name });
      } finally {
        // The failed file goes; the one still open (and read by training) stays, and so do the
        // one the current run learned from (it can be reopened to train more) and the files of
        // uploads still under way.
        releaseUpload(file);
        const keep = [
          service.current()?.path ?? null,
          ctx.session.training?.runLetters()?.path ?? null,
        ];
        await pruneUploads(ctx.paths.userData, keep).catch(() => undefined);
      }
    },
  );
  registry.handle(
    'dataset:grid',
    z.object({
      perClass: z.number().int().min(1).max(20),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 32 - 1),
    }),
    ({ perClass, seed }) => ({ classes: service.grid(perClass, seed) }),
  );
  registry.handle('dataset:image', z.object({ index: z.number().int().min(0) }), ({ index }) =>
    service.image(index),
  );
  registry.handle(
    'dataset:split',
    z.object({
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 32 - 1),
      testFraction: z.number().min(0.05).max(0.5),
    }),
    ({ seed, testFraction }) => service.resplit(seed, testFraction),
  );
  void service.openInitial();
  return service;
}
