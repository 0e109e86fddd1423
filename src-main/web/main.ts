// `npm run web [-- --port N] [-- --mat FILE]`: the app in a browser, served from this Node process.
import path from 'node:path';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { bootHost } from '../host/boot';
import { defaultUserDataDir, projectRoot } from '../host/paths';
import { startWebServer } from './server';
import { forkNodeTrainer } from '../host/trainer-connection';

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { port?: string; mat?: string };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, mat: { type: 'string' } },
      allowPositionals: false,
    }));
  } catch (err) {
    fail(`${(err as Error).message}. Usage: npm run web -- [--port N] [--mat FILE]`);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`--port must be a whole number from 0 to 65535, got ${JSON.stringify(values.port)}.`);
  }
  const root = projectRoot();
  const rendererDir = path.join(root, 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    fail(
      'the renderer is not built yet: run `npm run build` (or `npm run web`, which builds first).',
    );
  }
  const { ctx, registry } = await bootHost({
    platform: { mode: 'web', forkTrainer: forkNodeTrainer },
    paths: { userData: defaultUserDataDir(), resources: path.join(root, 'resources') },
    initialDatasetPath: values.mat ? path.resolve(values.mat) : undefined,
  });
  const server = await startWebServer({ registry, events: ctx.events, rendererDir, port });
  process.stdout.write(`Letter Lab is running in browser mode (backend: ${ctx.backend.name}).\n`);
  process.stdout.write(`Open ${server.url}\n`);
  const stop = () => {
    ctx.session.training?.dispose();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
