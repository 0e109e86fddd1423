import path from 'node:path';
import { initBackend } from '../../core/backend';
import { LetterLabError } from '../../core/errors';
import { exportKerasFolder } from '../../core/export/export-folder';
import { namedWeightsOf } from '../../core/export/model-weights';
import { loadModel } from '../../core/model';
import { json, parseCommandArgs, type Command } from '../command';
import { specFromOptions } from '../spec-source';

export const exportCommand: Command = {
  name: 'export',
  summary: 'A network as a Keras script (model.py) with its trained weights (weights.npz).',
  usage: 'letter-lab export (--model DIR | --preset ID | --spec FILE) --to OUT [--json]',
  async run(args, io) {
    const { values } = parseCommandArgs(this, args, {
      model: { type: 'string' },
      preset: { type: 'string' },
      spec: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!values.to)
      throw new LetterLabError(
        'cli.usage',
        `Give the folder to write with --to OUT. Usage: ${this.usage}`,
      );
    const sources = [values.model, values.preset, values.spec].filter((v) => v !== undefined);
    if (sources.length !== 1) {
      throw new LetterLabError(
        'cli.usage',
        `Give exactly one of --model DIR, --preset ID or --spec FILE. Usage: ${this.usage}`,
      );
    }
    let result: { files: string[] };
    if (values.model !== undefined) {
      await initBackend('auto');
      io.progress(`Reading the saved network in ${values.model}…`);
      const { model, meta } = await loadModel(values.model);
      try {
        result = await exportKerasFolder(values.to, meta.spec, await namedWeightsOf(model), {
          trainedOn: meta.dataset,
        });
      } finally {
        model.optimizer?.dispose();
        model.dispose();
      }
    } else {
      result = await exportKerasFolder(values.to, await specFromOptions(values), null);
    }
    io.out(
      values.json
        ? json({
            folder: path.resolve(values.to),
            files: result.files,
            weights: values.model !== undefined,
          })
        : result.files.join('\n'),
    );
  },
};
