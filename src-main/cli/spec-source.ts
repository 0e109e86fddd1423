import fs from 'node:fs/promises';
import type { ModelSpec } from '../contract/spec';
import { PRESETS, parseSpecText, validateSpec } from '../core/spec';
import { LetterLabError } from '../core/errors';

/** The spec named by --preset ID or --spec FILE; invalid specs are refused naming the block. */
export async function specFromOptions(values: {
  preset?: string;
  spec?: string;
}): Promise<ModelSpec> {
  if ((values.preset === undefined) === (values.spec === undefined)) {
    throw new LetterLabError('cli.usage', 'Give exactly one of --preset ID or --spec FILE.');
  }
  let spec: ModelSpec;
  if (values.preset !== undefined) {
    const preset = PRESETS.find((p) => p.id === values.preset);
    if (!preset) {
      throw new LetterLabError(
        'cli.usage',
        `There is no preset ${JSON.stringify(values.preset)}; presets: ${PRESETS.map((p) => p.id).join(', ')}.`,
      );
    }
    spec = structuredClone(preset.spec);
  } else {
    let text: string;
    try {
      text = await fs.readFile(values.spec as string, 'utf8');
    } catch (err) {
      throw new LetterLabError(
        'file.not-found',
        `Cannot read the spec file ${values.spec}: ${(err as Error).message}.`,
      );
    }
    spec = parseSpecText(text);
  }
  const error = validateSpec(spec).find((p) => p.severity === 'error');
  if (error) {
    const where =
      error.layer === null
        ? 'the model'
        : `layer ${error.layer + 1} (${spec.layers[error.layer].type})`;
    throw new LetterLabError('spec.invalid', `${where}: ${error.message}`);
  }
  return spec;
}
