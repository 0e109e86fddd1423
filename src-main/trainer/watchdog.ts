// A memory cap for a process whose main thread may be busy for seconds inside one WebAssembly
// or native call: a worker thread checks the process's resident memory and ends the whole
// process at once when it passes the cap (the parent then says why).
import { Worker } from 'node:worker_threads';

const CHECK_MS = 20;

// It checks once before saying it watches, so work started after that is always under the cap.
// A dynamic import, as the code runs as a script or a module depending on the process's flags.
const WATCH = `
import('node:worker_threads').then(({ workerData, parentPort }) => {
  const check = () => {
    if (process.memoryUsage.rss() > workerData.cap) process.kill(process.pid, 'SIGKILL');
  };
  check();
  setInterval(check, ${CHECK_MS});
  parentPort.postMessage('watching');
});
`;

/**
 * Starts the watchdog, which lives as long as the process. Resolves once it has checked the
 * memory a first time: start the work to cap only then (a worker takes a while to start, and
 * short work could otherwise end before the first check).
 */
export function capMemory(capBytes: number): Promise<void> {
  const worker = new Worker(WATCH, { eval: true, workerData: { cap: capBytes } });
  worker.unref();
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
}
