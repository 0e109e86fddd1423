// The training process entry: an Electron utilityProcess in the desktop app, a Node child process
// in browser mode and the CLI. It owns the tfjs backend and one run at a time.
import { initBackend } from '../core/backend';
import { toApiError } from '../core/errors';
import { connectToParent } from './port';
import { startSession, type RunningSession } from './session';

const port = connectToParent();
let session: RunningSession | null = null;

const backendReady = initBackend('auto');
void backendReady.then(
  (backend) => port.send({ type: 'ready', backend }),
  (err: unknown) => port.send({ type: 'error', runId: null, error: toApiError(err) }),
);

port.onMessage((message) => {
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
