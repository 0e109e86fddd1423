// BuilderState: the editing itself is tested in builder.test.ts (builder-edits.ts); this covers
// what the class adds: the teacher's preset lock, derived summary and problems, announcements.
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { PRESETS, defaultLayer, summarize, validateSpec } from '../../../../src-main/core/spec';
import {
  BuilderState,
  STARTING_PRESET,
  presetBlocksOf,
  presetOf,
} from '../../../../src-renderer/lib/state/builder.svelte';
import { spec } from '../../fixtures';

function builder(locked = false) {
  const settings = { locked };
  return { settings, builder: new BuilderState(settings) };
}

describe('BuilderState', () => {
  it('opens on the starting preset, with its summary and no errors', () => {
    const { builder: b } = builder();
    expect(presetOf(b.spec)?.id).toBe(STARTING_PRESET);
    expect(b.summary).toEqual(summarize(b.spec));
    expect(b.problems).toEqual(validateSpec(b.spec));
    expect(b.hasErrors).toBe(false);
  });

  it('recomputes problems and summary after an edit, and undoes it', () => {
    const { builder: b } = builder();
    const layers = b.spec.layers.length;
    b.add(defaultLayer('flatten'), 0);
    expect(b.spec.layers).toHaveLength(layers + 1);
    expect(b.summary).toEqual(summarize(b.spec));
    expect(b.problemsAt(1).map((p) => p.code)).toEqual(['needs-picture']);
    expect(b.hasErrors).toBe(true);
    expect(b.canUndo).toBe(true);
    b.undo();
    expect(b.spec.layers).toHaveLength(layers);
    expect(b.summary).toEqual(summarize(b.spec));
    expect(b.hasErrors).toBe(false);
    expect(b.canRedo).toBe(true);
  });

  it('refuses edits of a locked preset with a spoken message, but loads and renames into a copy', () => {
    const { builder: b } = builder(true);
    const before = b.spec;
    expect(b.lockedPreset?.id).toBe(STARTING_PRESET);
    b.remove(0);
    expect(b.spec).toBe(before);
    expect(b.announcement.trim()).toBe(b.lockedMessage);
    b.rename('My network');
    expect(b.spec.name).toBe('My network');
    expect(b.lockedPreset).toBeNull();
    b.remove(0);
    expect(b.spec.layers).toHaveLength(before.layers.length - 1);
  });

  it('follows the lock as the settings change', () => {
    const settings = $state({ locked: false });
    const b = new BuilderState(settings);
    expect(b.lockedPreset).toBeNull();
    settings.locked = true;
    flushSync();
    expect(b.lockedPreset?.id).toBe(STARTING_PRESET);
    b.load(spec(PRESETS[0].id));
    expect(b.lockedPreset?.id).toBe(PRESETS[0].id);
  });

  it('changing a preset’s blocks makes it the camper’s own network, in one undo step', () => {
    const { builder: b } = builder();
    b.load(spec('logistic-regression'));
    b.setCompile({ epochs: 3 });
    // Other epochs keep it the notebook's logistic regression.
    expect(presetBlocksOf(b.spec)?.id).toBe('logistic-regression');
    b.remove(0);
    expect(b.spec.name).toBe('Logistic regression (changed)');
    expect(presetBlocksOf(b.spec)).toBeNull();
    // Its settings stay what the camper had (sgd from the preset, 3 epochs).
    expect(b.spec.compile).toMatchObject({ optimizer: 'sgd', learningRate: 0.01, epochs: 3 });
    b.add(defaultLayer('flatten'), 0);
    expect(b.spec.name).toBe('Logistic regression (changed)');
    b.undo();
    b.undo();
    expect(b.spec.name).toBe('Logistic regression');
    expect(presetBlocksOf(b.spec)?.id).toBe('logistic-regression');
  });

  it('names the changed preset in the UI language, and never renames the camper’s own name', () => {
    const names = { changed: (name: string) => `${name} (moja wersja)`, fresh: () => 'Moja sieć' };
    const b = new BuilderState({ locked: false }, names);
    const mlp = PRESETS.find((p) => p.id === 'mlp')!;
    b.load({ ...spec('mlp'), name: mlp.pl.name });
    b.update(0, {});
    expect(b.spec.name).toBe(mlp.pl.name);
    b.remove(b.spec.layers.length - 1);
    expect(b.spec.name).toBe(`${mlp.pl.name} (moja wersja)`);
    b.load(spec('mlp'));
    b.rename('Mine');
    b.remove(0);
    expect(b.spec.name).toBe('Mine');
  });

  it('starts a new, empty network with the notebook’s defaults, and undo brings the old one back', () => {
    const { builder: b } = builder();
    b.load(spec('logistic-regression'));
    b.newNetwork();
    expect(b.spec).toEqual({
      version: 1,
      name: 'My network',
      input: spec('logistic-regression').input,
      classes: 10,
      layers: [],
      compile: { optimizer: 'adam', learningRate: 0.001, epochs: 10, batchSize: 128 },
    });
    expect(presetBlocksOf(b.spec)).toBeNull();
    b.undo();
    expect(b.spec).toEqual(spec('logistic-regression'));
  });

  it('announces the same message twice in a row as two changes', () => {
    const { builder: b } = builder();
    b.announce('Block added.');
    const first = b.announcement;
    b.announce('Block added.');
    expect(b.announcement).not.toBe(first);
    expect(b.announcement.trim()).toBe('Block added.');
  });
});
