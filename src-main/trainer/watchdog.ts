// A memory cap for a process whose main thread may be busy for seconds inside one WebAssembly
// or native call: a worker thread checks the process's resident memory and ends the whole
// process at once when it passes the cap (the parent then says why).
import { Worker } from 'node:worker_threads';

const CHECK_MS = 20;

const WATCH = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
  if (process.memoryUsage.rss() > workerData.cap) process.kill(process.pid, 'SIGKILL');
}, ${CHECK_MS});
`;

/** Starts the watchdog; it lives as long as the process. */
export function capMemory(capBytes: number): Worker {
  const worker = new Worker(WATCH, { eval: true, workerData: { cap: capBytes } });
  worker.unref();
  return worker;
}
