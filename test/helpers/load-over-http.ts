import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as tfl from '@tensorflow/tfjs-layers';

/** Loads the model folder `dir` with plain tf.loadLayersModel over HTTP, as a web page would. */
export async function loadOverHttp(dir: string): Promise<tfl.LayersModel> {
  const server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url ?? '/', 'http://x').pathname);
    readFile(path.join(dir, name)).then(
      (bytes) => res.end(bytes),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await tfl.loadLayersModel(`http://127.0.0.1:${port}/model.json`);
  } finally {
    server.close();
  }
}
