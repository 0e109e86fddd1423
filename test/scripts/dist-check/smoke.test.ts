import { describe, it, expect, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPackage } from '@electron/asar';
import { smokeTest } from '../../../scripts/dist-check/smoke';

const work = mkdtempSync(join(tmpdir(), 'letter-lab-smoke-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// `npm run dist:check` runs the passing case on the real package; here, a package whose
// dependencies are incomplete must be reported with the module that failed to load.
describe('smokeTest', () => {
  it('names the dependency that does not load from the packed tree', async () => {
    const app = join(work, 'app');
    mkdirSync(join(app, 'node_modules/zod'), { recursive: true });
    writeFileSync(join(app, 'package.json'), '{"name":"fixture","type":"module"}');
    writeFileSync(
      join(app, 'node_modules/zod/package.json'),
      '{"name":"zod","main":"index.js","type":"module"}',
    );
    writeFileSync(join(app, 'node_modules/zod/index.js'), "import './missing-part.js';\n");
    const appOutDir = join(work, 'linux-unpacked');
    mkdirSync(join(appOutDir, 'resources'), { recursive: true });
    await createPackage(app, join(appOutDir, 'resources/app.asar'));

    const problems = smokeTest(appOutDir, work, ['zod']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/do not load with Node: .*missing-part\.js/);
  });
});
