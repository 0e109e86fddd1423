import { fork } from 'node:child_process';
import path from 'node:path';
import type { FromTrainer, ToTrainer } from '../contract/training-api';
import { projectRoot } from './paths';

/** main's side of one training process, whatever started it. */
export interface TrainerConnection {
  send(message: ToTrainer): void;
  onMessage(listener: (message: FromTrainer) => void): void;
  /** Called once when the process ends; `crashed` when it was not asked to stop. */
  onExit(listener: (info: { code: number | null; signal: string | null }) => void): void;
  kill(): void;
  pid: number | undefined;
}

/** What a training process is started for; it shows in its command line. */
export type TrainerPurpose = 'train' | 'estimate';

/** Browser mode and the CLI: a Node child process running the TypeScript entry through tsx. */
export function forkNodeTrainer(purpose: TrainerPurpose = 'train'): TrainerConnection {
  const entry = path.join(projectRoot(), 'src-main', 'trainer', 'main.ts');
  const child = fork(entry, [purpose], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    pid: child.pid,
    send: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', (m) => listener(m as FromTrainer)),
    onExit: (listener) => child.once('exit', (code, signal) => listener({ code, signal })),
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
