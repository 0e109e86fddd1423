import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder when running from source (tsx) or from the built `out/` folder. */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (path.basename(dir) === 'src-main' || path.basename(dir) === 'out') return path.dirname(dir);
    dir = path.dirname(dir);
  }
  return process.cwd();
}

/** The user's data folder outside Electron: LETTER_LAB_HOME, else the XDG config folder. */
export function defaultUserDataDir(): string {
  const fromEnv = process.env.LETTER_LAB_HOME;
  if (fromEnv) return path.resolve(fromEnv);
  const base = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'letter-lab');
}
