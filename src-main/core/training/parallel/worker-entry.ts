// A gradient worker (worker_threads): its own tfjs engine and backend, one model copy. The training
// thread owns the weights; every request brings the weights to use, so the copy here never drifts.
// Built for the desktop app as out/main/training-worker.js (electron.vite.config.ts).

import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../backend';
import type {
  FromWorker,
  LoadModelRequest,
  PredictRequest,
  StepRequest,
  ToWorker,
  WorkerStart,
} from './protocol';
import { predictShard, runShard } from './shard';
import { ShardExchange } from './shard-exchange';
import type { SharedImages } from './shared-data';

interface Loaded {
  model: tfl.LayersModel;
  data: SharedImages;
  exchange: ShardExchange | null;
}

const port = parentPort;
if (!port) throw new Error('worker-entry.ts runs only as a worker thread of the training loop.');
const start = workerData as WorkerStart;
let loaded: Loaded | null = null;

function send(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

async function loadModel(request: LoadModelRequest): Promise<void> {
  if (loaded) {
    loaded.model.dispose();
    loaded = null;
  }
  const model = await tfl.models.modelFromJSON({ modelTopology: request.topology as never });
  // Only the loss matters here; the optimizer lives in the training thread.
  model.compile({ optimizer: 'sgd', loss: request.loss });
  const shapes = model.weights.map((w) => w.shape.join('x')).join();
  if (shapes !== request.weightShapes.map((s) => s.join('x')).join()) {
    model.dispose();
    throw new Error(`the worker's model weights [${shapes}] differ from the training thread's`);
  }
  loaded = {
    model,
    data: request.data,
    exchange: request.exchange && new ShardExchange(request.exchange, request.exchangeShards),
  };
}

function need(): Loaded {
  if (!loaded) throw new Error('no model loaded in the worker');
  return loaded;
}

async function step(request: StepRequest): Promise<void> {
  const { model, data, exchange } = need();
  const gather = exchange
    ? (mine: Float64Array) => exchange.gather(request.shard, request.shards, mine)
    : null;
  let result: Awaited<ReturnType<typeof runShard>>;
  try {
    result = await runShard(model, { ...request, data, gather });
  } catch (err) {
    exchange?.abort(); // the other shards would wait for this one's statistics
    throw err;
  }
  const transfer = result.grads
    .filter((v): v is Float32Array => v !== null)
    .map((v) => v.buffer as ArrayBuffer);
  send({ type: 'step', id: request.id, ...result }, transfer);
}

async function predict(request: PredictRequest): Promise<void> {
  const { model, data } = need();
  const probs = await predictShard(model, request.weights, data, request.indices);
  send({ type: 'predict', id: request.id, probs }, [probs.buffer as ArrayBuffer]);
}

async function handle(request: ToWorker): Promise<void> {
  switch (request.type) {
    case 'load-model':
      await loadModel(request);
      send({ type: 'done', id: request.id });
      return;
    case 'step':
      return step(request);
    case 'predict':
      return predict(request);
    case 'memory':
      send({ type: 'memory', id: request.id, numTensors: tf.memory().numTensors });
      return;
  }
}

// Requests run one after another, in the order they came.
let queue: Promise<void> = initBackend(start.backend === 'cpu' ? 'cpu' : 'wasm').then(
  (info) => send({ type: 'ready', id: -1, backend: info.name }),
  (err: unknown) => {
    send({ type: 'error', id: -1, message: err instanceof Error ? err.message : String(err) });
  },
);

port.on('message', (request: ToWorker) => {
  queue = queue.then(() =>
    handle(request).catch((err: unknown) =>
      send({
        type: 'error',
        id: request.id,
        message: err instanceof Error ? err.message : String(err),
      }),
    ),
  );
});
