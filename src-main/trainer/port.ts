import type { FromTrainer, ToTrainer } from '../contract/training-api';

/** The training process's line to its parent: Electron's utilityProcess port or Node's IPC. */
export interface ParentPort {
  send(message: FromTrainer): void;
  onMessage(listener: (message: ToTrainer) => void): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export function connectToParent(): ParentPort {
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      send: (message) => electronPort.postMessage(message),
      onMessage: (listener) =>
        electronPort.on('message', (event) => listener(event.data as ToTrainer)),
    };
  }
  if (process.send) {
    // Main is gone (it crashed or was killed): nobody will read what this process does.
    process.once('disconnect', () => process.exit(0));
    return {
      send: (message) => void process.send?.(message),
      onMessage: (listener) => process.on('message', (message) => listener(message as ToTrainer)),
    };
  }
  throw new Error('The training process must be started by Letter Lab (no parent to talk to).');
}
