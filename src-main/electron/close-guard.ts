import { app, dialog, type BrowserWindow } from 'electron';
import type { TrainingManager } from '../host/training-run';

const TEXTS = {
  en: {
    buttons: ['Keep training', 'Stop training and close'],
    title: 'A network is training',
    message: 'A network is still training. Close Letter Lab anyway?',
    detail:
      'Stopping keeps the network as it was after its last full epoch; you can train more epochs later.',
  },
  pl: {
    buttons: ['Trenuj dalej', 'Zatrzymaj trening i zamknij'],
    title: 'Sieć się uczy',
    message: 'Sieć wciąż się uczy. Czy mimo to zamknąć Letter Lab?',
    detail:
      'Zatrzymanie zachowuje sieć taką, jaka była po ostatniej pełnej epoce; możesz potem trenować dalej.',
  },
};

/** Longest wait for a stopping run to save its weights before the app quits anyway. */
const STOP_WAIT_MS = 15_000;

/**
 * Closing the window while a network trains asks first. Stopping keeps the network as it was after
 * its last full epoch (the run autosaves at every epoch; an unfinished epoch is not kept).
 */
export function guardClose(
  win: BrowserWindow,
  training: () => TrainingManager | null,
  language: () => 'en' | 'pl' | null,
): void {
  let allowed = false;
  win.on('close', (event) => {
    const manager = training();
    if (allowed || !manager?.active) return;
    event.preventDefault();
    const text = TEXTS[language() ?? 'en'];
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      defaultId: 0,
      cancelId: 0,
      ...text,
    });
    if (choice !== 1) return;
    manager.stop();
    const started = Date.now();
    const timer = setInterval(() => {
      if (!manager.active || Date.now() - started > STOP_WAIT_MS) {
        clearInterval(timer);
        allowed = true;
        win.close();
      }
    }, 100);
  });
  app.on('before-quit', () => training()?.dispose());
}
