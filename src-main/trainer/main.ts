// The training process entry: an Electron utilityProcess in the desktop app, a Node child process
// in browser mode and the CLI. It owns the tfjs backend and one run at a time.
import { initBackend } from '../core/backend';
import { toApiError } from '../core/errors';
import { connectToParent } from './port';
import { startSession, type RunningSession } from './session';
import { capMemory } from './watchdog';
import { estimateEpoch } from '../core/model/estimate';

const port = connectToParent();
let session: RunningSession | null = null;

const backendReady = initBackend('auto');
void backendReady.then(
  (backend) => port.send({ type: 'ready', backend }),
  (err: unknown) => port.send({ type: 'error', runId: null, error: toApiError(err) }),
);

port.onMessage((message) => {
  if (message.type === 'estimate') {
    // An estimating process does nothing else and is ended by main when it answers.
    if (session) {
      port.send({
        type: 'estimate-failed',
        id: message.id,
        error: { code: 'training.busy', message: 'This process is training a network.' },
      });
      return;
    }
    void Promise.all([backendReady, capMemory(message.memoryCapBytes)])
      .then(() => estimateEpoch(message.spec, message.split))
      .then(
        (measured) =>
          port.send({
            type: 'estimated',
            id: message.id,
            secondsPerEpoch: measured.secondsPerEpoch,
            samplesPerSecond: measured.samplesPerSecond,
          }),
        (err: unknown) =>
          port.send({ type: 'estimate-failed', id: message.id, error: toApiError(err) }),
      );
    return;
  }
  if (message.type === 'start') {
    if (session) {
      port.send({
        type: 'error',
        runId: message.runId,
        error: { code: 'training.busy', message: 'A run is already going in this process.' },
      });
      return;
    }
    void backendReady.then((backend) => {
      const current = startSession(message, backend, (m) => port.send(m));
      session = current;
      const clear = () => {
        if (session === current) session = null;
      };
      void current.done.then(clear, clear);
    });
    return;
  }
  if (!session || session.runId !== message.runId) return;
  if (message.type === 'stop') session.control.stop();
  else if (message.type === 'pause') session.control.pause();
  else if (message.type === 'resume') session.control.resume();
});
