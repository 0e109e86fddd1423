// A fixed set of gradient workers, each with its own tfjs backend. Requests to one worker are
// answered in order; a worker that dies or fails to start rejects everything it still owes.

import type { Worker } from 'node:worker_threads';
import type {
  FromWorker,
  LoadModelRequest,
  PredictReply,
  PredictRequest,
  StepReply,
  StepRequest,
  ToWorker,
  WorkerStart,
} from './protocol';
import { spawnWorker } from './spawn';

/** Starting a worker loads tfjs and compiles the wasm module; a slow, busy machine needs time. */
export const WORKER_START_TIMEOUT_MS = 120_000;

type WorkerBackend = WorkerStart['backend'];
type Pending = { resolve: (reply: FromWorker) => void; reject: (err: Error) => void };
type Request<T extends ToWorker> = T extends unknown ? Omit<T, 'id'> : never;

class GradientWorker {
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private failure: Error | null = null;
  private started!: Pending;
  /** Keep the process alive while in use or while a request is pending; not when idle. */
  private inUse = true;
  /** Resolves once the worker's backend runs; rejects if it cannot start. */
  readonly ready: Promise<void>;

  constructor(private readonly worker: Worker) {
    this.ready = new Promise<void>((resolve, reject) => {
      this.started = { resolve: () => resolve(), reject };
    });
    // Whoever awaits `ready` handles its rejection; this keeps an unawaited one quiet.
    this.ready.catch(() => undefined);
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', (code) => this.fail(new Error(`the worker stopped (exit code ${code})`)));
  }

  private receive(message: FromWorker): void {
    if (message.id === -1) {
      if (message.type === 'ready') this.started.resolve(message);
      else if (message.type === 'error') this.fail(new Error(message.message));
      return;
    }
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    this.updateRef();
    if (message.type === 'error') waiting.reject(new Error(message.message));
    else waiting.resolve(message);
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    this.started.reject(err);
    for (const waiting of this.pending.values()) waiting.reject(err);
    this.pending.clear();
  }

  get broken(): boolean {
    return this.failure !== null;
  }

  request<R extends FromWorker>(
    message: Request<ToWorker>,
    transfer: ArrayBuffer[] = [],
  ): Promise<R> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (reply: FromWorker) => void, reject });
      this.updateRef();
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  setInUse(inUse: boolean): void {
    this.inUse = inUse;
    this.updateRef();
  }

  private updateRef(): void {
    if (this.inUse || this.pending.size > 0) this.worker.ref();
    else this.worker.unref();
  }

  async terminate(): Promise<void> {
    this.fail(new Error('the worker was shut down'));
    await this.worker.terminate();
  }
}

export class WorkerPool {
  private readonly terminateHooks = new Set<() => void>();

  private constructor(
    private readonly workers: GradientWorker[],
    readonly backend: WorkerBackend,
  ) {}

  /**
   * Calls `hook` synchronously when the pool is shut down (before the workers stop), e.g. to
   * release a thread waiting on them; returns a function that removes it.
   */
  onTerminate(hook: () => void): () => void {
    this.terminateHooks.add(hook);
    return () => this.terminateHooks.delete(hook);
  }

  /** Starts `size` workers on `backend` from `entry`; rejects if any of them fails to start. */
  static async start(
    size: number,
    backend: WorkerBackend,
    entry: string,
    timeoutMs = WORKER_START_TIMEOUT_MS,
  ): Promise<WorkerPool> {
    const workers: GradientWorker[] = [];
    let timer: NodeJS.Timeout | undefined;
    try {
      for (let i = 0; i < size; i++)
        workers.push(new GradientWorker(spawnWorker(entry, { backend })));
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the workers did not start within ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
      });
      await Promise.race([Promise.all(workers.map((w) => w.ready)), timeout]);
      return new WorkerPool(workers, backend);
    } catch (err) {
      await Promise.all(workers.map((w) => w.terminate().catch(() => undefined)));
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  get broken(): boolean {
    return this.workers.some((w) => w.broken);
  }

  async loadModel(request: Request<LoadModelRequest>): Promise<void> {
    await Promise.all(this.workers.map((w) => w.request(request)));
  }

  step(worker: number, request: Request<StepRequest>, transfer: ArrayBuffer[]): Promise<StepReply> {
    return this.workers[worker].request<StepReply>(request, transfer);
  }

  predict(
    worker: number,
    request: Request<PredictRequest>,
    transfer: ArrayBuffer[],
  ): Promise<PredictReply> {
    return this.workers[worker].request<PredictReply>(request, transfer);
  }

  /** tf.memory().numTensors in each worker. */
  async numTensors(): Promise<number[]> {
    const replies = await Promise.all(
      this.workers.map((w) => w.request<FromWorker & { type: 'memory' }>({ type: 'memory' })),
    );
    return replies.map((r) => r.numTensors);
  }

  /** While in use (or answering) the workers keep the process alive; idle ones do not. */
  setInUse(inUse: boolean): void {
    this.workers.forEach((w) => w.setInUse(inUse));
  }

  async terminate(): Promise<void> {
    this.terminateHooks.forEach((hook) => hook());
    await Promise.all(this.workers.map((w) => w.terminate().catch(() => undefined)));
  }
}
