// The builder's editing logic (builder-edits.ts), run against the real spec logic of core/spec.
// builder.svelte.ts only holds this state in $state, so these tests cover what it does.
import { describe, expect, it } from 'vitest';
import type { LayerSpec, ModelSpec } from '../../../../src-main/contract/spec';
import { PRESETS, defaultLayer, summarize, validateSpec } from '../../../../src-main/core/spec';
import {
  HISTORY_LIMIT,
  createEditor,
  edit,
  insertLayer,
  moveLayer,
  redo,
  select,
  undo,
  type EditorState,
} from '../../../../src-renderer/lib/state/builder-edits';

function preset(id: string): ModelSpec {
  const found = PRESETS.find((p) => p.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return structuredClone(found.spec);
}

const types = (state: EditorState) => state.spec.layers.map((l) => l.type);

/** Freezes a spec all the way down, so any in-place change throws. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('builder edits', () => {
  it('adds a block where it is dropped and selects it', () => {
    const start = createEditor(preset('conv-maxpool'));
    expect(types(start)).toEqual(['conv2d', 'maxPool2d', 'flatten']);
    const next = edit(start, { type: 'add', layer: defaultLayer('dropout'), at: 1 });
    expect(types(next)).toEqual(['conv2d', 'dropout', 'maxPool2d', 'flatten']);
    expect(next.selected).toBe(1);
    // Past the end means at the end.
    const end = edit(next, { type: 'add', layer: defaultLayer('dense'), at: 99 });
    expect(types(end).at(-1)).toBe('dense');
    expect(end.selected).toBe(4);
  });

  it('never changes the spec it was given', () => {
    const spec = deepFreeze(preset('typical-convnet'));
    let state = createEditor(spec);
    state = edit(state, { type: 'add', layer: defaultLayer('dropout'), at: 0 });
    state = edit(state, { type: 'move', from: 0, to: 3 });
    state = edit(state, { type: 'update', at: 1, patch: { filters: 8 } as Partial<LayerSpec> });
    state = edit(state, { type: 'compile', patch: { epochs: 3 } });
    state = edit(state, { type: 'remove', at: 3 });
    expect(state.spec).not.toBe(spec);
    expect(state.past[0].spec).toBe(spec);
    expect(spec.layers).toHaveLength(7);
  });

  it('moves a block and the selection follows it', () => {
    let state = createEditor(preset('typical-convnet'));
    // conv, conv, pool, conv(32), conv(32), pool, flatten
    state = select(state, 2);
    state = edit(state, { type: 'move', from: 2, to: 5 });
    expect(types(state)).toEqual([
      'conv2d',
      'conv2d',
      'conv2d',
      'conv2d',
      'maxPool2d',
      'maxPool2d',
      'flatten',
    ]);
    expect(state.selected).toBe(5);
    // Moving another block past the selected one shifts the selection with its block.
    state = edit(state, { type: 'move', from: 6, to: 0 });
    expect(state.spec.layers[0].type).toBe('flatten');
    expect(state.selected).toBe(6);
    expect(state.spec.layers[6].type).toBe('maxPool2d');
  });

  it('removes a block and keeps a sensible selection', () => {
    let state = createEditor(preset('conv-maxpool'));
    state = select(state, 2);
    state = edit(state, { type: 'remove', at: 2 });
    expect(types(state)).toEqual(['conv2d', 'maxPool2d']);
    expect(state.selected).toBe(1);
    state = edit(state, { type: 'remove', at: 0 });
    expect(types(state)).toEqual(['maxPool2d']);
    expect(state.selected).toBe(0);
    state = edit(state, { type: 'remove', at: 0 });
    expect(state.spec.layers).toEqual([]);
    expect(state.selected).toBeNull();
  });

  it('undoes and redoes every kind of edit, in order', () => {
    const spec = preset('conv-maxpool');
    const s0 = createEditor(spec);
    const s1 = edit(s0, { type: 'add', layer: defaultLayer('dense'), at: 3 });
    const s2 = edit(s1, { type: 'update', at: 3, patch: { units: 32 } as Partial<LayerSpec> });
    const s3 = edit(s2, { type: 'move', from: 3, to: 0 });
    const s4 = edit(s3, { type: 'compile', patch: { optimizer: 'sgd', learningRate: 0.01 } });
    const s5 = edit(s4, { type: 'rename', name: 'Mine' });
    const s6 = edit(s5, { type: 'remove', at: 0 });
    const chain = [s0, s1, s2, s3, s4, s5, s6];
    expect(s6.past).toHaveLength(6);

    let state = s6;
    for (let i = chain.length - 2; i >= 0; i--) {
      state = undo(state);
      expect(state.spec).toEqual(chain[i].spec);
    }
    expect(undo(state)).toBe(state);
    for (let i = 1; i < chain.length; i++) {
      state = redo(state);
      expect(state.spec).toEqual(chain[i].spec);
    }
    expect(redo(state)).toBe(state);
    expect(state.spec.name).toBe('Mine');
    expect(state.spec.compile).toMatchObject({ optimizer: 'sgd', learningRate: 0.01 });
  });

  it('forgets what was undone once a new edit is made', () => {
    let state = createEditor(preset('mlp'));
    state = edit(state, { type: 'add', layer: defaultLayer('dropout'), at: 2 });
    state = undo(state);
    expect(state.future).toHaveLength(1);
    state = edit(state, { type: 'remove', at: 0 });
    expect(state.future).toHaveLength(0);
    expect(redo(state)).toBe(state);
  });

  it('keeps the selection out of the history and ignores edits that change nothing', () => {
    let state = createEditor(preset('mlp'));
    state = select(state, 1);
    expect(state.past).toHaveLength(0);
    expect(select(state, 7).selected).toBeNull();
    const same = edit(state, {
      type: 'update',
      at: 1,
      patch: { units: 128 } as Partial<LayerSpec>,
    });
    expect(same).toBe(state);
    expect(edit(state, { type: 'move', from: 1, to: 1 }).past).toHaveLength(0);
    expect(edit(state, { type: 'remove', at: 5 }).past).toHaveLength(0);
  });

  it('never changes the type of a block through an update', () => {
    const state = edit(createEditor(preset('mlp')), {
      type: 'update',
      at: 1,
      patch: { type: 'conv2d', units: 10 } as unknown as Partial<LayerSpec>,
    });
    expect(state.spec.layers[1]).toEqual({ type: 'dense', units: 10, activation: 'tanh' });
  });

  it(`remembers at most ${HISTORY_LIMIT} edits`, () => {
    let state = createEditor(preset('mlp'));
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) {
      state = edit(state, { type: 'compile', patch: { epochs: 500 + i } });
    }
    expect(state.past).toHaveLength(HISTORY_LIMIT);
    while (state.past.length > 0) state = undo(state);
    // The 20 oldest edits fell off: undo goes back to just after edit number 20.
    expect(state.spec.compile.epochs).toBe(520);
  });

  it('loads a preset as one undoable edit', () => {
    let state = createEditor(preset('mlp'));
    state = select(state, 1);
    state = edit(state, { type: 'load', spec: preset('fully-convolutional') });
    expect(state.spec.name).toBe('Fully convolutional');
    expect(state.selected).toBeNull();
    state = undo(state);
    expect(state.spec.name).toBe('Multilayer perceptron (MLP)');
    expect(state.selected).toBe(1);
  });

  it('applies the "add Flatten" fix when Dense comes right after Conv2D', () => {
    let state = createEditor(preset('conv'));
    // Conv2D(16) then Flatten: drop the Flatten and put a Dense straight after the convolution.
    state = edit(state, { type: 'remove', at: 1 });
    state = edit(state, { type: 'add', layer: defaultLayer('dense'), at: 1 });
    expect(types(state)).toEqual(['conv2d', 'dense']);

    const problems = validateSpec(state.spec);
    const problem = problems.find((p) => p.severity === 'error' && p.layer === 1);
    expect(problem?.code).toBe('dense-needs-list');
    expect(summarize(state.spec).layers[1].outputShape).toBeNull();
    const fix = problem?.fixes.find((f) => f.kind === 'insert' && f.layer.type === 'flatten');
    expect(fix).toBeDefined();
    if (!fix) return;

    state = edit(state, { type: 'fix', fix });
    expect(types(state)).toEqual(['conv2d', 'flatten', 'dense']);
    expect(state.selected).toBe(1);
    expect(validateSpec(state.spec).filter((p) => p.severity === 'error')).toEqual([]);
    // 28 x 28 x 16 ('same' padding) unrolled, then Dense(64) and the answer layer.
    const summary = summarize(state.spec);
    expect(summary.layers[1].outputShape).toEqual([null, 28 * 28 * 16]);
    expect(summary.layers[2].params).toBe(28 * 28 * 16 * 64 + 64);

    state = undo(state);
    expect(types(state)).toEqual(['conv2d', 'dense']);
  });

  it('applies a fix that changes a field of the block', () => {
    // Conv2D(16) 'valid' leaves 26x26: a 28x28 window no longer fits.
    let state = createEditor(preset('conv-maxpool'));
    state = edit(state, {
      type: 'add',
      layer: { ...defaultLayer('conv2d'), kernelSize: 28 } as LayerSpec,
      at: 1,
    });
    const problem = validateSpec(state.spec).find((p) => p.code === 'window-too-big');
    expect(problem?.layer).toBe(1);
    const samePadding = problem?.fixes.find((f) => f.kind === 'set' && f.field === 'padding');
    expect(samePadding).toBeDefined();
    if (!samePadding) return;
    state = edit(state, { type: 'fix', fix: samePadding });
    expect(state.spec.layers[1]).toMatchObject({ type: 'conv2d', kernelSize: 28, padding: 'same' });
    expect(validateSpec(state.spec).some((p) => p.code === 'window-too-big')).toBe(false);
  });
});

describe('list helpers', () => {
  it('insertLayer and moveLayer clamp to the ends and copy the block', () => {
    const spec = preset('mlp');
    const dropout = defaultLayer('dropout');
    const inserted = insertLayer(spec, -4, dropout);
    expect(inserted.layers[0]).toEqual(dropout);
    expect(inserted.layers[0]).not.toBe(dropout);
    expect(moveLayer(inserted, 0, 50).layers.map((l) => l.type)).toEqual([
      'flatten',
      'dense',
      'dropout',
    ]);
    expect(moveLayer(inserted, 9, 0)).toBe(inserted);
  });
});
