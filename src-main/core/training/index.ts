export { train, type TrainOptions, type TrainReporter } from './train';
export { TrainControl, type Checkpoint } from './control';
export { evaluate, type Evaluation } from './evaluate';
export { shuffled, mixSeed, makeBatch } from './batches';
export type {
  BatchProgress,
  EpochRecord,
  TrainResult,
  TrainStatus,
  TrainState,
} from '../../contract/training';
