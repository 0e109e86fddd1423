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

/** The folder where the OS keeps applications' data (what Electron calls appData). */
function appDataDir(): string {
  if (process.platform === 'win32') {
    return process.env.APPDATA || path.join(os.homedir(), 'AppData', 'Roaming');
  }
  if (process.platform === 'darwin')
    return path.join(os.homedir(), 'Library', 'Application Support');
  return process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
}

/**
 * The user's data folder, the same for the desktop app, browser mode and the CLI:
 * LETTER_LAB_HOME when set, else `letter-lab` in the OS's application data folder.
 */
export function defaultUserDataDir(): string {
  const fromEnv = process.env.LETTER_LAB_HOME;
  if (fromEnv) return path.resolve(fromEnv);
  return path.join(appDataDir(), 'letter-lab');
}
