import { PRESETS, summarize, summaryText } from '../../core/spec';
import { json, parseCommandArgs, type Command } from '../command';
import { specFromOptions } from '../spec-source';

export const presetsCommand: Command = {
  name: 'presets',
  summary: 'The notebook’s models: ids and names.',
  usage: 'letter-lab presets [--json]',
  async run(args, io) {
    const { values } = parseCommandArgs(this, args, { json: { type: 'boolean' } });
    const list = PRESETS.map((p) => ({ id: p.id, name: p.name, description: p.description }));
    io.out(values.json ? json(list) : list.map((p) => `${p.id.padEnd(24)} ${p.name}`).join('\n'));
  },
};

export const summaryCommand: Command = {
  name: 'summary',
  summary: "Layer-by-layer output shapes, parameters and each layer's share of them.",
  usage: 'letter-lab summary (--preset ID | --spec FILE) [--json]',
  async run(args, io) {
    const { values } = parseCommandArgs(this, args, {
      preset: { type: 'string' },
      spec: { type: 'string' },
      json: { type: 'boolean' },
    });
    const spec = await specFromOptions(values);
    const summary = summarize(spec);
    if (!values.json) {
      io.out(summaryText(summary, spec));
      return;
    }
    io.out(
      json({
        layers: summary.layers.map((l) => ({
          name: l.name,
          type: l.type,
          outputShape: l.outputShape,
          params: l.params,
          trainable: l.trainable,
          nonTrainable: l.nonTrainable,
        })),
        totalParams: summary.totalParams,
        trainableParams: summary.trainableParams,
        nonTrainableParams: summary.nonTrainableParams,
        macsPerImage: summary.macsPerImage,
      }),
    );
  },
};
