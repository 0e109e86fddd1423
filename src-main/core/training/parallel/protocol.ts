// Messages between the training thread and its gradient workers (worker_threads). Every request
// carries an id; the worker answers each with the same id, in order.

import type { BackendName } from '../../../contract/backend';
import type { SharedImages } from './shared-data';

/** Loads a model into the worker (replacing the previous one). */
export interface LoadModelRequest {
  type: 'load-model';
  id: number;
  /** LayersModel.toJSON(): the topology, without weights. */
  topology: object;
  /** The compiled loss by name (what model.loss holds). */
  loss: string;
  /** Shapes of model.weights, to check that both sides agree on the order. */
  weightShapes: number[][];
  /** The data set the batches come from (shared memory, see ./shared-data). */
  data: SharedImages;
  /** The batch norm statistics exchange of the run (./shard-exchange), null without batch norm. */
  exchange: SharedArrayBuffer | null;
  /** Shards the exchange was made for. */
  exchangeShards: number;
}

/** Gradients of one shard of a batch at the given weights. */
export interface StepRequest {
  type: 'step';
  id: number;
  /** Values of model.weights (trainable and not), in order. */
  weights: Float32Array[];
  /** The shard's images: positions in the data set. */
  indices: Uint32Array;
  /** The shard's share of the batch, n / batch size: scales its mean loss and gradients. */
  scale: number;
  /** One per Dropout layer, in order. */
  dropoutSeeds: number[];
  /** This shard's index in the batch (0 is the training thread's) and the shard count. */
  shard: number;
  shards: number;
}

/** Output probabilities of a model at the given weights (inference mode). */
export interface PredictRequest {
  type: 'predict';
  id: number;
  weights: Float32Array[];
  /** Positions of the images in the data set. */
  indices: Uint32Array;
}

export interface MemoryRequest {
  type: 'memory';
  id: number;
}

export type ToWorker = LoadModelRequest | StepRequest | PredictRequest | MemoryRequest;

export interface StepReply {
  type: 'step';
  id: number;
  loss: number;
  correct: number;
  /** In model.trainableWeights order; null where the loss does not depend on the weight. */
  grads: (Float32Array | null)[];
}

export interface PredictReply {
  type: 'predict';
  id: number;
  probs: Float32Array;
}

export interface DoneReply {
  type: 'done';
  id: number;
}

export interface MemoryReply {
  type: 'memory';
  id: number;
  numTensors: number;
}

export interface ErrorReply {
  type: 'error';
  id: number;
  message: string;
}

/** Sent once, when the worker's backend has started (or failed to: then an ErrorReply, id -1). */
export interface ReadyMessage {
  type: 'ready';
  id: -1;
  backend: BackendName;
}

export type FromWorker =
  StepReply | PredictReply | DoneReply | MemoryReply | ErrorReply | ReadyMessage;

/** What the worker is told when it starts (workerData). */
export interface WorkerStart {
  backend: 'wasm' | 'cpu';
}
