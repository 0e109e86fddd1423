// The model the camper is building. Other features (training) read `builder.spec`.
import type {
  CompileSpec,
  LayerSpec,
  ModelSpec,
  ModelSummary,
  SpecFix,
  SpecProblem,
} from '../../../src-main/contract/spec';
import {
  DEFAULT_COMPILE,
  PRESETS,
  SPEC_LIMITS,
  summarize,
  validateSpec,
} from '../../../src-main/core/spec';
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

/** Structural equality of two JSON-like values (spec objects have no cycles). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** The preset this spec is, unchanged and under the preset's own name, or null. */
export function presetOf(spec: ModelSpec): (typeof PRESETS)[number] | null {
  return (
    PRESETS.find(
      (p) =>
        [p.spec.name, p.pl.name].includes(spec.name) &&
        sameValue({ ...spec, name: '' }, { ...p.spec, name: '' }),
    ) ?? null
  );
}

/**
 * The preset whose blocks this network has, under that preset's name (its optimizer, epochs or
 * batch size may differ), or null: the network is still "that preset".
 */
export function presetBlocksOf(spec: ModelSpec): (typeof PRESETS)[number] | null {
  return (
    PRESETS.find(
      (p) =>
        [p.spec.name, p.pl.name].includes(spec.name) &&
        sameValue(
          { input: spec.input, layers: spec.layers, classes: spec.classes },
          { input: p.spec.input, layers: p.spec.layers, classes: p.spec.classes },
        ),
    ) ?? null
  );
}

/** Edits that stay possible on a locked preset: loading another model, or renaming it into a copy. */
const ALLOWED_WHEN_LOCKED: EditAction['type'][] = ['load', 'rename'];

/** Edits of the blocks themselves: after one, a preset is no longer that preset. */
const LAYER_EDITS: EditAction['type'][] = ['add', 'move', 'remove', 'update', 'fix'];

/** The names BuilderState gives networks, in the UI language. */
export interface NetworkNames {
  /** A preset whose blocks were changed: "Logistic regression (changed)". */
  changed(name: string): string;
  /** A new, empty network: "My network". */
  fresh(): string;
}

export const ENGLISH_NAMES: NetworkNames = {
  changed: (name) => `${name} (changed)`,
  fresh: () => 'My network',
};

/** `name` cut to the longest name a spec may have. */
function fitName(name: string): string {
  return name.length <= SPEC_LIMITS.nameLength ? name : name.slice(0, SPEC_LIMITS.nameLength);
}

function startingSpec(): ModelSpec {
  const preset = PRESETS.find((p) => p.id === STARTING_PRESET) ?? PRESETS[0];
  return structuredClone(preset.spec);
}

export class BuilderState {
  /** The teacher settings: whether presets are locked. */
  readonly #settings: { readonly locked: boolean };

  readonly #names: NetworkNames;

  constructor(settings: { readonly locked: boolean }, names: NetworkNames = ENGLISH_NAMES) {
    this.#settings = settings;
    this.#names = names;
  }

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

  /** The preset being shown when the teacher locked presets (campers must copy it to edit). */
  readonly lockedPreset = $derived.by(() =>
    this.#settings.locked ? presetOf(this.#editor.spec) : null,
  );

  /** Problems of one block (index into spec.layers), or of the whole model with null. */
  problemsAt(index: number | null): SpecProblem[] {
    return this.problems.filter((p) => p.layer === index);
  }

  #edit(action: EditAction): void {
    if (this.lockedPreset && !ALLOWED_WHEN_LOCKED.includes(action.type)) {
      this.announce(this.lockedMessage);
      return;
    }
    const before = this.#editor.spec;
    let next = edit(this.#editor, action);
    // A preset whose blocks change becomes the camper's own network, under a name of its own (in
    // the same undo step): it must not keep training and being described as the preset.
    if (LAYER_EDITS.includes(action.type) && next.spec.layers !== before.layers) {
      if (presetBlocksOf(before) && !presetBlocksOf(next.spec)) {
        const name = fitName(this.#names.changed(before.name));
        next = { ...next, spec: { ...next.spec, name } };
      }
    }
    this.#editor = next;
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
  /** Starts a new, empty network with the notebook's defaults (adam, batch 128); undo brings
   * the old one back. */
  newNetwork(): void {
    const { version, input, classes } = this.spec;
    this.#edit({
      type: 'load',
      spec: {
        version,
        name: fitName(this.#names.fresh()),
        input: { ...input },
        classes,
        layers: [],
        compile: { ...DEFAULT_COMPILE },
      },
    });
  }
  undo(): void {
    this.#editor = undo(this.#editor);
  }
  redo(): void {
    this.#editor = redo(this.#editor);
  }

  /** Set by the view in the UI language; read out when a locked preset refuses an edit. */
  lockedMessage = 'This preset is locked by your teacher: make your own copy to change it.';

  announce(message: string): void {
    // A changing invisible tail makes the same message twice in a row be read out twice.
    this.#announced += 1;
    this.announcement = this.#announced % 2 === 0 ? message : `${message}\u00a0`;
  }
}
