import type { BackendInfo, BackendSummary } from './backend';

export type HostMode = 'electron' | 'web';

export interface AppInfo {
  name: string;
  version: string;
  mode: HostMode;
  backend: BackendInfo;
  /** The short line about the backend the status bar shows (engine and cores). */
  training: BackendSummary;
  /** Whether this host can show a native file dialog (Electron) or needs a file input (browser). */
  nativeDialogs: boolean;
  platform: string;
  cpus: number;
}
