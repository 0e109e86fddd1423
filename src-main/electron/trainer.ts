import path from 'node:path';
import { utilityProcess } from 'electron';
import type { FromTrainer } from '../contract/training-api';
import type { TrainerConnection } from '../host/trainer-connection';

/** The desktop app's training process: an Electron utilityProcess running out/main/trainer.js. */
export function forkElectronTrainer(mainDir: string): TrainerConnection {
  const child = utilityProcess.fork(path.join(mainDir, 'trainer.js'), [], {
    serviceName: 'Letter Lab training',
    stdio: 'inherit',
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  return {
    get pid() {
      return child.pid;
    },
    send: (message) => {
      if (!exited) child.postMessage(message);
    },
    onMessage: (listener) => child.on('message', (m) => listener(m as FromTrainer)),
    onExit: (listener) => child.once('exit', (code) => listener({ code, signal: null })),
    kill: () => {
      if (!exited) child.kill();
    },
  };
}
