// Packs the app offline with the project's electron-builder.yml: the `dir` target for linux-x64,
// against a stub Electron folder (electronDist), so electron-builder downloads nothing. Then reads
// what went into app.asar, app.asar.unpacked and the extra resources.

import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRawHeader } from '@electron/asar';
import type { DirectoryRecord, FileRecord } from '@electron/asar/lib/disk';
import { Arch, Platform, build } from 'electron-builder';
import type { AsarEntry, PackInventory } from './problems';
import { listFiles } from './project';

/** electron-builder's output folder for the linux `dir` target. */
const LINUX_APP_OUT = 'linux-unpacked';

/**
 * What electron-builder 26 takes from an unpacked Linux Electron (ElectronFramework.unpack copies
 * the folder, renames `electron` to the executable name, moves LICENSE to LICENSE.electron.txt).
 */
export function writeStubElectron(dir: string, project: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const stub = '#!/bin/sh\necho "Letter Lab dist:check stub, not Electron" >&2\nexit 1\n';
  writeFileSync(join(dir, 'electron'), stub, { mode: 0o755 });
  copyFileSync(join(project, 'node_modules/electron/LICENSE'), join(dir, 'LICENSE'));
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<!-- dist:check stub -->\n');
  const electron = JSON.parse(
    readFileSync(join(project, 'node_modules/electron/package.json'), 'utf8'),
  ) as { version: string };
  writeFileSync(join(dir, 'version'), electron.version);
}

/** Packs `project` into `work`/dist and returns the app folder. */
export async function packOffline(project: string, work: string): Promise<string> {
  const electronDist = join(work, 'electron-stub');
  writeStubElectron(electronDist, project);
  const output = join(work, 'dist');
  await build({
    projectDir: project,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    config: { electronDist, directories: { output } },
    publish: 'never',
  });
  return join(output, LINUX_APP_OUT);
}

function walkAsar(dir: DirectoryRecord, prefix: string, out: Map<string, AsarEntry>): void {
  for (const [name, node] of Object.entries(dir.files)) {
    const path = prefix ? `${prefix}/${name}` : name;
    if ('files' in node) {
      out.set(path, { path, kind: 'dir', unpacked: false });
      walkAsar(node, path, out);
    } else {
      const file = node as FileRecord & { link?: string };
      const kind = file.link === undefined ? 'file' : 'link';
      out.set(path, { path, kind, unpacked: file.unpacked === true });
    }
  }
}

/** Lists app.asar (from its header), app.asar.unpacked and resources/resources of a packed app. */
export function readPack(appOutDir: string): PackInventory {
  const resources = join(appOutDir, 'resources');
  const asarFile = join(resources, 'app.asar');
  if (!existsSync(asarFile)) throw new Error(`electron-builder wrote no ${asarFile}.`);
  const asar = new Map<string, AsarEntry>();
  walkAsar(getRawHeader(asarFile).header, '', asar);
  return {
    asar,
    unpackedOnDisk: new Set(listFiles(join(resources, 'app.asar.unpacked')).keys()),
    resources: listFiles(join(resources, 'resources')),
  };
}
