export { buildModel, compileModel, makeOptimizer, type BuildOptions } from './build';
export {
  saveModel,
  loadModel,
  readModelMeta,
  listModels,
  renameModel,
  deleteModel,
  MAX_NAME_LENGTH,
  type SaveOptions,
} from './store';
export { MODEL_JSON, WEIGHTS_BIN, META_JSON } from './files';
export type { ModelMeta, SavedModelEntry, DatasetRef } from '../../contract/training';
