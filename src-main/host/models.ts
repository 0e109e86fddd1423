// Saved networks: the library in <userData>/models (one folder per model, see core/model), saving
// the current run into it, using a saved model for predictions, export and import.
// The renderer names models by id (a folder name, checked by MODEL_ID_PATTERN), never by path.

import path from 'node:path';
import { z } from 'zod';
import type { SavedModelEntry } from '../contract/training';
import type { ModelExport } from '../contract/models';
import { exportKerasFolder } from '../core/export/export-folder';
import { scriptInputProblem } from '../core/export/keras-script';
import { namedWeightsOf } from '../core/export/model-weights';
import { specSchema } from './training';
import type { TrainingState } from '../contract/training-api';
import { LetterLabError } from '../core/errors';
import { checkNotLinked } from '../core/model/store';
import {
  MAX_NAME_LENGTH,
  deleteModel,
  listModels,
  loadModel,
  readModelMeta,
  renameModel,
} from '../core/model';
import type { ApiRegistry } from './registry';
import { replaceFolder } from '../core/model/atomic';
import { ExportJournal } from './export-cleanup';
import type { HostContext } from './context';
import {
  EXPORTS_FOLDER,
  MODELS_FOLDER,
  freeFolder,
  idProblem,
  modelFolder,
  newModelId,
  snapshotModel,
  weightsProblem,
  writeSnapshot,
} from './model-library';

const idSchema = z.string().superRefine((id, check) => {
  const problem = idProblem(id);
  if (problem) check.addIssue({ code: 'custom', message: problem });
});
const nameSchema = z
  .string()
  .trim()
  .min(1, 'give the model a name')
  .max(MAX_NAME_LENGTH, `a model name has at most ${MAX_NAME_LENGTH} characters`);

/** Newest first; broken folders after the good ones, by id. */
function byDate(a: SavedModelEntry, b: SavedModelEntry): number {
  const time = (e: SavedModelEntry) =>
    e.problem === null && e.meta ? Date.parse(e.meta.savedAt) : -Infinity;
  const [at, bt] = [time(a), time(b)];
  return at === bt ? a.id.localeCompare(b.id) : bt - at;
}

export class ModelLibrary {
  /** The saved model predictions use (null: the current run). */
  private inUse: string | null = null;

  constructor(private readonly ctx: HostContext) {
    // A new run takes over predictions again (ModelCache: "until the next run").
    ctx.events.subscribe((event, payload) => {
      if (event === 'training:state' && (payload as TrainingState).status === 'starting') {
        this.followRun();
      }
    });
  }

  get root(): string {
    return path.join(this.ctx.paths.userData, MODELS_FOLDER);
  }

  private dir(id: string): string {
    return modelFolder(this.root, id);
  }

  async entry(id: string): Promise<SavedModelEntry> {
    const full = this.dir(id);
    try {
      await checkNotLinked(full);
      const meta = await readModelMeta(full);
      return { id, path: full, meta, problem: await weightsProblem(full) };
    } catch (err) {
      if (err instanceof LetterLabError && err.code === 'model.not-found') throw err;
      return { id, path: full, meta: null, problem: (err as Error).message };
    }
  }

  async list(): Promise<SavedModelEntry[]> {
    let entries: SavedModelEntry[];
    try {
      entries = await listModels(this.root);
    } catch (err) {
      throw new LetterLabError(
        'file.unreadable',
        `The saved networks folder ${this.root} cannot be read: ${(err as Error).message}`,
      );
    }
    const checked = await Promise.all(
      entries.map(async (e) => {
        const problem =
          e.problem ??
          (idProblem(e.id)
            ? `The folder name "${e.id}" cannot be used: rename the folder in ${this.root} to letters, digits, "-" and "_" only.`
            : await weightsProblem(e.path));
        return { ...e, problem };
      }),
    );
    return checked.sort(byDate);
  }

  /** Copies the current run's last autosave into the library. */
  async saveCurrent(name: string): Promise<SavedModelEntry> {
    const training = this.ctx.session.training;
    const state = training?.snapshot();
    const source = training?.modelDir();
    if (!state || !source || state.savedEpoch === 0) {
      throw new LetterLabError(
        'model.not-found',
        'There is no trained network to save yet: train one for at least one epoch (the Train tab).',
      );
    }
    return this.saveFrom(source, name);
  }

  /** Copies the model folder `source` (a run's autosave) into the library as `name`. */
  async saveFrom(source: string, name: string): Promise<SavedModelEntry> {
    const snapshot = await snapshotModel(source);
    const id = await newModelId(this.root, name);
    await writeSnapshot(this.dir(id), snapshot, {
      ...snapshot.meta,
      name,
      savedAt: new Date().toISOString(),
    });
    return this.entry(id);
  }

  async load(id: string) {
    const cache = this.ctx.session.models;
    if (!cache) throw new Error('The model cache is not set up.');
    const dir = this.dir(id);
    await checkNotLinked(dir);
    await readModelMeta(dir); // model.not-found before anything changes
    const previous = this.inUse;
    cache.choose(dir);
    try {
      let active = await cache.get();
      // A load that was already running (of another model) may have answered first.
      if (active.dir !== dir) active = await cache.get();
      this.inUse = id;
      return active.meta;
    } catch (err) {
      if (previous) cache.choose(this.dir(previous));
      else cache.followRun();
      throw err;
    }
  }

  inUseId(): string | null {
    return this.inUse;
  }

  private followRun(): void {
    this.inUse = null;
    this.ctx.session.models?.followRun();
  }

  async rename(id: string, name: string): Promise<SavedModelEntry> {
    await renameModel(this.dir(id), name);
    if (this.inUse === id) this.ctx.session.models?.invalidate();
    return this.entry(id);
  }

  async remove(id: string): Promise<{ id: string }> {
    await deleteModel(this.dir(id));
    if (this.inUse === id) this.followRun();
    return { id };
  }

  /** Writes a copy readable by tf.loadLayersModel into a new folder under `parent`. */
  async exportTo(id: string, parent: string): Promise<string> {
    const snapshot = await snapshotModel(this.dir(id));
    const target = await freeFolder(parent, snapshot.meta.name);
    await writeSnapshot(target, snapshot, snapshot.meta);
    return target;
  }

  /** Writes the saved model as a Keras project (model.py, weights.npz) into a new folder. */
  async exportKerasTo(id: string, parent: string): Promise<string> {
    const { model, meta } = await loadModel(this.dir(id));
    try {
      const target = await freeFolder(parent, `${meta.name} keras`);
      const weights = await namedWeightsOf(model);
      await replaceFolder(
        target,
        (tmp) => exportKerasFolder(tmp, meta.spec, weights, { trainedOn: meta.dataset }).then(),
        { overwrite: false },
      );
      return target;
    } finally {
      model.optimizer?.dispose();
      model.dispose();
    }
  }

  /** Checks a folder by loading it for real, then copies it into the library. */
  async importFrom(folder: string): Promise<SavedModelEntry> {
    const { model } = await loadModel(folder);
    model.optimizer?.dispose();
    model.dispose();
    const snapshot = await snapshotModel(path.resolve(folder));
    const id = await newModelId(this.root, snapshot.meta.name);
    await writeSnapshot(this.dir(id), snapshot, snapshot.meta);
    return this.entry(id);
  }
}

export function setupModels(registry: ApiRegistry, ctx: HostContext): ModelLibrary {
  const library = new ModelLibrary(ctx);
  const journal = new ExportJournal(ctx.paths.userData);
  // What exports of a crashed or killed Letter Lab left half-written goes now.
  void journal.cleanStale(path.join(ctx.paths.userData, EXPORTS_FOLDER));
  registry.handle('models:list', z.undefined(), () => library.list());
  registry.handle('models:save-current', z.object({ name: nameSchema }), ({ name }) =>
    library.saveCurrent(name),
  );
  registry.handle('models:load', z.object({ id: idSchema }), ({ id }) => library.load(id));
  registry.handle('models:in-use', z.undefined(), () => ({ id: library.inUseId() }));
  registry.handle('models:rename', z.object({ id: idSchema, name: nameSchema }), ({ id, name }) =>
    library.rename(id, name),
  );
  registry.handle('models:delete', z.object({ id: idSchema }), ({ id }) => library.remove(id));
  /** Desktop: a folder from the dialog; browser mode: <userData>/exports. */
  const exportInto = async (
    title: string,
    write: (parent: string) => Promise<string>,
  ): Promise<ModelExport | null> => {
    if (!ctx.platform.chooseFolder) {
      const parent = path.join(ctx.paths.userData, EXPORTS_FOLDER);
      return { path: await journal.around(parent, () => write(parent)), chosen: false };
    }
    const parent = await ctx.platform.chooseFolder({ title });
    return parent
      ? { path: await journal.around(parent, () => write(parent)), chosen: true }
      : null;
  };
  registry.handle('models:export', z.object({ id: idSchema }), ({ id }) =>
    exportInto('Export the network into…', (parent) => library.exportTo(id, parent)),
  );
  registry.handle('models:export-keras', z.object({ id: idSchema }), ({ id }) =>
    exportInto('Export for Python (Keras) into…', (parent) => library.exportKerasTo(id, parent)),
  );
  registry.handle('models:export-spec-keras', z.object({ spec: specSchema }), ({ spec }) => {
    // Before the folder dialog: model.py only trains networks that take notMNIST's letters.
    const problem = scriptInputProblem(spec);
    if (problem) throw new LetterLabError('export.not-notmnist', problem);
    return exportInto('Export the Keras script into…', async (parent) => {
      const target = await freeFolder(parent, `${spec.name} keras`);
      await replaceFolder(target, (tmp) => exportKerasFolder(tmp, spec, null).then(), {
        overwrite: false,
      });
      return target;
    });
  });
  registry.handle('models:import', z.undefined(), async () => {
    if (!ctx.platform.chooseFolder) {
      throw new LetterLabError(
        'api.bad-request',
        'Importing a saved network needs the desktop app’s folder dialog; this browser window cannot pick folders.',
      );
    }
    const folder = await ctx.platform.chooseFolder({ title: 'Import a saved network folder' });
    return folder ? library.importFrom(folder) : null;
  });
  return library;
}
