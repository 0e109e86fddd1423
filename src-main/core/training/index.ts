export { train, type TrainOptions, type TrainReporter } from './train';
export { TrainControl, type Checkpoint } from './control';
export { evaluate, type Evaluation } from './evaluate';
export { shuffled, mixSeed, makeBatch, tensorsAt } from './batches';
export {
  trainingWorkerTensors,
  shutdownTrainingWorkers,
  terminateTrainingWorkers,
} from './parallel/shared';
export type {
  BatchProgress,
  EpochRecord,
  TrainResult,
  TrainStatus,
  TrainState,
} from '../../contract/training';
