// The model the camper is building. Other features (training) read `builderState.spec`.
import type {
  CompileSpec,
  LayerSpec,
  ModelSpec,
  ModelSummary,
  SpecFix,
  SpecProblem,
} from '../../../src-main/contract/spec';
import { PRESETS, summarize, validateSpec } from '../../../src-main/core/spec';
import {
  createEditor,
  edit,
  redo,
  select,
  undo,
  type EditAction,
  type EditorState,
} from './builder-edits';

/** The preset the builder opens with: a small convnet that trains quickly. */
export const STARTING_PRESET = 'conv-maxpool';

function startingSpec(): ModelSpec {
  const preset = PRESETS.find((p) => p.id === STARTING_PRESET) ?? PRESETS[0];
  return structuredClone(preset.spec);
}

export class BuilderState {
  #editor = $state.raw<EditorState>(createEditor(startingSpec()));
  /** The last change, read out by the screen reader live region. */
  announcement = $state('');
  #announced = 0;

  get spec(): ModelSpec {
    return this.#editor.spec;
  }
  get selected(): number | null {
    return this.#editor.selected;
  }
  get canUndo(): boolean {
    return this.#editor.past.length > 0;
  }
  get canRedo(): boolean {
    return this.#editor.future.length > 0;
  }

  readonly summary: ModelSummary = $derived(summarize(this.#editor.spec));
  readonly problems: SpecProblem[] = $derived(validateSpec(this.#editor.spec));
  readonly hasErrors: boolean = $derived(this.problems.some((p) => p.severity === 'error'));

  /** Problems of one block (index into spec.layers), or of the whole model with null. */
  problemsAt(index: number | null): SpecProblem[] {
    return this.problems.filter((p) => p.layer === index);
  }

  #edit(action: EditAction): void {
    this.#editor = edit(this.#editor, action);
  }

  select(index: number | null): void {
    this.#editor = select(this.#editor, index);
  }
  /** Adds a block at `at`, or right after the selected block, or at the end. */
  add(layer: LayerSpec, at?: number): number {
    const index = at ?? (this.selected === null ? this.spec.layers.length : this.selected + 1);
    this.#edit({ type: 'add', layer, at: index });
    return this.selected ?? index;
  }
  move(from: number, to: number): void {
    this.#edit({ type: 'move', from, to });
  }
  remove(at: number): void {
    this.#edit({ type: 'remove', at });
  }
  update(at: number, patch: Partial<LayerSpec>): void {
    this.#edit({ type: 'update', at, patch });
  }
  setCompile(patch: Partial<CompileSpec>): void {
    this.#edit({ type: 'compile', patch });
  }
  rename(name: string): void {
    this.#edit({ type: 'rename', name });
  }
  fix(fix: SpecFix): void {
    this.#edit({ type: 'fix', fix });
  }
  load(spec: ModelSpec): void {
    this.#edit({ type: 'load', spec: structuredClone(spec) });
  }
  undo(): void {
    this.#editor = undo(this.#editor);
  }
  redo(): void {
    this.#editor = redo(this.#editor);
  }

  announce(message: string): void {
    // A changing invisible tail makes the same message twice in a row be read out twice.
    this.#announced += 1;
    this.announcement = this.#announced % 2 === 0 ? message : `${message}\u00a0`;
  }
}

export const builderState = new BuilderState();
