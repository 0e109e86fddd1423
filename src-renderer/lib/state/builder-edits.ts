// The builder's editing logic as a pure reducer: every edit takes the editor state and returns a new
// one, with undo and redo. Plain TypeScript (no runes) so it runs and is tested outside Svelte;
// builder.svelte.ts holds the result in $state.
import type { CompileSpec, LayerSpec, ModelSpec, SpecFix } from '../../../src-main/contract/spec';
import { applyFix } from '../../../src-main/core/spec';

/** How many edits undo remembers. */
export const HISTORY_LIMIT = 100;

interface Snapshot {
  spec: ModelSpec;
  selected: number | null;
}

export interface EditorState {
  spec: ModelSpec;
  /** Index into spec.layers of the block being edited, or null. */
  selected: number | null;
  past: Snapshot[];
  future: Snapshot[];
}

export type EditAction =
  | { type: 'add'; layer: LayerSpec; at: number }
  | { type: 'move'; from: number; to: number }
  | { type: 'remove'; at: number }
  | { type: 'update'; at: number; patch: Partial<LayerSpec> }
  | { type: 'compile'; patch: Partial<CompileSpec> }
  | { type: 'rename'; name: string }
  | { type: 'fix'; fix: SpecFix }
  | { type: 'load'; spec: ModelSpec };

export function createEditor(spec: ModelSpec): EditorState {
  return { spec, selected: null, past: [], future: [] };
}

function clampIndex(index: number, length: number): number {
  return Math.max(0, Math.min(length, Math.trunc(index)));
}

function withLayers(spec: ModelSpec, layers: LayerSpec[]): ModelSpec {
  return { ...spec, layers };
}

/** Inserts `layer` so that it ends up at index `at` (clamped to the ends). */
export function insertLayer(spec: ModelSpec, at: number, layer: LayerSpec): ModelSpec {
  const layers = [...spec.layers];
  layers.splice(clampIndex(at, layers.length), 0, { ...layer });
  return withLayers(spec, layers);
}

/** Moves the layer at `from` so that it ends up at index `to`. */
export function moveLayer(spec: ModelSpec, from: number, to: number): ModelSpec {
  if (from < 0 || from >= spec.layers.length) return spec;
  const layers = [...spec.layers];
  const [layer] = layers.splice(from, 1);
  layers.splice(clampIndex(to, layers.length), 0, layer);
  return withLayers(spec, layers);
}

export function removeLayer(spec: ModelSpec, at: number): ModelSpec {
  if (at < 0 || at >= spec.layers.length) return spec;
  return withLayers(
    spec,
    spec.layers.filter((_, i) => i !== at),
  );
}

export function updateLayer(spec: ModelSpec, at: number, patch: Partial<LayerSpec>): ModelSpec {
  if (at < 0 || at >= spec.layers.length) return spec;
  const layers = [...spec.layers];
  // The type never changes through a patch: a block keeps being the block it is.
  layers[at] = { ...layers[at], ...patch, type: layers[at].type } as LayerSpec;
  return withLayers(spec, layers);
}

/** Where a fix leaves the selection: on the block it inserted or touched. */
function selectionAfterFix(fix: SpecFix, length: number): number | null {
  if (fix.kind === 'remove') return length === 0 ? null : Math.min(fix.at, length - 1);
  return fix.at >= 0 && fix.at < length ? fix.at : null;
}

/** Where the selection goes after a move: it follows the moved block, or shifts around it. */
function selectionAfterMove(selected: number | null, from: number, to: number): number | null {
  if (selected === null) return null;
  if (selected === from) return to;
  if (from < selected && to >= selected) return selected - 1;
  if (from > selected && to <= selected) return selected + 1;
  return selected;
}

function selectionAfterRemove(selected: number | null, at: number, length: number): number | null {
  if (selected === null || length === 0) return null;
  if (selected === at) return Math.min(at, length - 1);
  return selected > at ? selected - 1 : selected;
}

function apply(state: EditorState, action: EditAction): Snapshot {
  const { spec, selected } = state;
  switch (action.type) {
    case 'add': {
      const at = clampIndex(action.at, spec.layers.length);
      return { spec: insertLayer(spec, at, action.layer), selected: at };
    }
    case 'move': {
      const to = clampIndex(action.to, spec.layers.length - 1);
      return {
        spec: moveLayer(spec, action.from, to),
        selected: selectionAfterMove(selected, action.from, to),
      };
    }
    case 'remove': {
      const next = removeLayer(spec, action.at);
      return {
        spec: next,
        selected: selectionAfterRemove(selected, action.at, next.layers.length),
      };
    }
    case 'update':
      return { spec: updateLayer(spec, action.at, action.patch), selected };
    case 'compile':
      return { spec: { ...spec, compile: { ...spec.compile, ...action.patch } }, selected };
    case 'rename':
      return { spec: { ...spec, name: action.name }, selected };
    case 'fix': {
      const next = applyFix(spec, action.fix);
      return { spec: next, selected: selectionAfterFix(action.fix, next.layers.length) };
    }
    case 'load':
      return { spec: action.spec, selected: null };
  }
}

/** Applies one edit; an edit that changes nothing leaves the history alone. */
export function edit(state: EditorState, action: EditAction): EditorState {
  const next = apply(state, action);
  if (JSON.stringify(next.spec) === JSON.stringify(state.spec)) {
    return next.selected === state.selected ? state : { ...state, selected: next.selected };
  }
  const past = [...state.past, { spec: state.spec, selected: state.selected }];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { spec: next.spec, selected: next.selected, past, future: [] };
}

export function select(state: EditorState, index: number | null): EditorState {
  const valid = index !== null && index >= 0 && index < state.spec.layers.length ? index : null;
  return valid === state.selected ? state : { ...state, selected: valid };
}

export function undo(state: EditorState): EditorState {
  const previous = state.past.at(-1);
  if (!previous) return state;
  return {
    ...previous,
    past: state.past.slice(0, -1),
    future: [{ spec: state.spec, selected: state.selected }, ...state.future],
  };
}

export function redo(state: EditorState): EditorState {
  const [next, ...future] = state.future;
  if (!next) return state;
  return {
    ...next,
    past: [...state.past, { spec: state.spec, selected: state.selected }],
    future,
  };
}
