import type { ModelSpec } from './spec';
// Saved networks: the camper's library of trained models in <userData>/models. Types only.
// An id is a model's folder name inside that library, never a path: the host refuses ids that are
// not plain folder names (MODEL_ID_PATTERN in src-main/host/models.ts).
import type { ModelMeta, SavedModelEntry } from './training';

export type { ModelMeta, SavedModelEntry };

/** Where an export was written (a folder tf.loadLayersModel reads: model.json, weights.bin). */
export interface ModelExport {
  path: string;
  /** True when the camper picked the parent folder in a dialog (desktop); false in browser mode,
   * where the host writes into <userData>/exports because a web page cannot pick a folder. */
  chosen: boolean;
}

export interface ModelsInvoke {
  /** Every folder of the library, newest first; broken ones with their problem. */
  'models:list': { request: void; response: SavedModelEntry[] };
  /** Copies the current run's last autosave into the library under `name`. */
  'models:save-current': { request: { name: string }; response: SavedModelEntry };
  /** Makes predictions and evaluations use this saved model (until the next run starts). */
  'models:load': { request: { id: string }; response: ModelMeta };
  /** The saved model predictions use now, or null when they use the current run. */
  'models:in-use': { request: void; response: { id: string | null } };
  'models:rename': { request: { id: string; name: string }; response: SavedModelEntry };
  'models:delete': { request: { id: string }; response: { id: string } };
  /** Desktop: asks for a folder (null when cancelled). Browser mode: writes to <userData>/exports. */
  'models:export': { request: { id: string }; response: ModelExport | null };
  /** The same, as a Keras project: model.py + weights.npz + README (see core/export). */
  'models:export-keras': { request: { id: string }; response: ModelExport | null };
  /** A network from the builder as a Keras script, architecture only (no weights). */
  'models:export-spec-keras': { request: { spec: ModelSpec }; response: ModelExport | null };
  /** Desktop only: asks for a saved model folder and copies it in (null when cancelled). */
  'models:import': { request: void; response: SavedModelEntry | null };
}
