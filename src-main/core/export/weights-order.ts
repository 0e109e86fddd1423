// Puts trained weights into Keras get_weights() order (per layer: kernel, bias; or
// gamma, beta, moving_mean, moving_variance) and checks every shape against the spec.
//
// tfjs's model.getWeights() lists all trainable weights first and the batch-norm
// moving statistics last, so the given order is not trusted when names tell more:
// 1. names "<layer>/<kind>" (optionally with a scope before and a "_N" suffix after)
//    whose layers are the app's layer names are matched by name;
// 2. otherwise, if every name ends in a known kind, the k-th weight of each kind goes
//    to the k-th layer needing that kind (true for both Keras and tfjs orders);
// 3. otherwise the given order is used as is.

import type { ModelSpec } from '../../contract/spec';
import { LetterLabError } from '../errors';
import { exportLayers, type WeightKind } from './model-layers';

export interface NamedWeight {
  name: string;
  shape: number[];
  data: Float32Array;
}

export interface ExpectedWeight {
  layerName: string;
  kind: WeightKind;
  shape: number[];
}

const NAME_PATTERN =
  /(?:^|\/)([^/]+)\/(kernel|bias|gamma|beta|moving_mean|moving_variance)(?:_\d+)?(?::\d+)?$/;

/** Every weight the Keras model has, in get_weights() order. */
export function expectedWeights(spec: ModelSpec): ExpectedWeight[] {
  return exportLayers(spec).flatMap((l) =>
    l.weights.map((w) => ({ layerName: l.name, kind: w.kind, shape: w.shape })),
  );
}

/** The weight shapes Keras expects, layer by layer (layers without weights are left out). */
export function expectedWeightShapes(spec: ModelSpec): { layerName: string; shapes: number[][] }[] {
  return exportLayers(spec)
    .filter((l) => l.weights.length > 0)
    .map((l) => ({ layerName: l.name, shapes: l.weights.map((w) => w.shape) }));
}

function mismatch(message: string): LetterLabError {
  return new LetterLabError(
    'export.weights-mismatch',
    `Cannot export the weights: ${message}. Export without weights, or train this model again and then export.`,
  );
}

const fmt = (shape: number[]): string => `[${shape.join(', ')}]`;

function parse(name: string): { layer: string; kind: WeightKind } | null {
  const [, layer, kind] = NAME_PATTERN.exec(name) ?? [];
  return layer !== undefined && kind !== undefined ? { layer, kind: kind as WeightKind } : null;
}

function matchByName(expected: ExpectedWeight[], weights: NamedWeight[]): NamedWeight[] | null {
  const byKey = new Map<string, NamedWeight>();
  for (const w of weights) {
    const p = parse(w.name);
    if (!p) return null;
    const key = `${p.layer}/${p.kind}`;
    if (byKey.has(key)) return null;
    byKey.set(key, w);
  }
  const ordered = expected.map((e) => byKey.get(`${e.layerName}/${e.kind}`));
  return ordered.every((w) => w !== undefined) ? (ordered as NamedWeight[]) : null;
}

function matchByKind(expected: ExpectedWeight[], weights: NamedWeight[]): NamedWeight[] | null {
  const queues = new Map<WeightKind, NamedWeight[]>();
  for (const w of weights) {
    const p = parse(w.name);
    if (!p) return null;
    queues.set(p.kind, [...(queues.get(p.kind) ?? []), w]);
  }
  const ordered: NamedWeight[] = [];
  for (const e of expected) {
    const next = queues.get(e.kind)?.shift();
    if (!next) return null;
    ordered.push(next);
  }
  return ordered;
}

/** The weights in Keras set_weights() order, each checked against the shape the spec needs. */
export function orderWeightsForKeras(spec: ModelSpec, weights: NamedWeight[]): NamedWeight[] {
  const expected = expectedWeights(spec);
  if (weights.length !== expected.length) {
    throw mismatch(
      `the model "${spec.name}" has ${expected.length} weight arrays but ${weights.length} were given`,
    );
  }
  const ordered =
    matchByName(expected, weights) ?? matchByKind(expected, weights) ?? weights.slice();
  expected.forEach((e, i) => {
    // As many arrays as expected weights (checked above), in Keras order.
    const w = ordered[i]!;
    const what = `${e.layerName} ${e.kind}`;
    if (w.shape.length !== e.shape.length || w.shape.some((d, k) => d !== e.shape[k])) {
      throw mismatch(
        `${what} must have shape ${fmt(e.shape)} but the array "${w.name}" has shape ${fmt(w.shape)}`,
      );
    }
    const count = e.shape.reduce((n, d) => n * d, 1);
    if (w.data.length !== count) {
      throw mismatch(
        `the array "${w.name}" for ${what} holds ${w.data.length} values, not ${count}`,
      );
    }
  });
  return ordered;
}
