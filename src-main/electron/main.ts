// The Electron shell: security, the app:// protocol, the shared host, IPC and the window.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { bootHost } from '../host/boot';
import { defaultUserDataDir } from '../host/paths';
import type { Platform } from '../host/context';
import { setupIpc } from './ipc';
import { forkElectronTrainer } from './trainer';
import { registerAppScheme, serveRenderer } from './protocol';
import { claimSingleInstance } from './policy';
import { isAppUrl, setupSecurity } from './security';
import { createMainWindow } from './window';
import { guardClose } from './close-guard';

const here = path.dirname(fileURLToPath(import.meta.url));

function datasetArgument(argv: string[]): string | null {
  const i = argv.indexOf('--mat');
  return i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]) : null;
}

const platform: Platform = {
  mode: 'electron',
  forkTrainer: () => forkElectronTrainer(here),
  async chooseFile({ title, extensions }) {
    const result = await dialog.showOpenDialog({
      title,
      properties: ['openFile'],
      filters: [{ name: title, extensions }],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async chooseFolder({ title }) {
    const result = await dialog.showOpenDialog({
      title,
      properties: ['openDirectory', 'createDirectory'],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
};

async function start(): Promise<void> {
  await app.whenReady();
  setupSecurity();
  serveRenderer(path.join(here, '../renderer'));
  const resources = app.isPackaged
    ? path.join(process.resourcesPath, 'resources')
    : path.join(here, '../../resources');
  const { ctx, registry } = await bootHost({
    platform,
    paths: { userData: defaultUserDataDir(), resources },
    initialDatasetPath: datasetArgument(process.argv),
  });
  setupIpc(registry, ctx.events, isAppUrl);
  const openWindow = () => {
    const win = createMainWindow(path.join(here, '../preload/index.cjs'));
    guardClose(
      win,
      () => ctx.session.training,
      () => ctx.settings.get().language,
    );
  };
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  // A second launch exits at once (claimSingleInstance); this copy shows its window instead.
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
}

// One data folder for the desktop app, browser mode and the CLI (runs, models, settings).
app.setPath('userData', defaultUserDataDir());
if (claimSingleInstance(app)) {
  registerAppScheme();
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void start();
}
