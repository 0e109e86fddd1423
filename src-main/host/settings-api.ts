import { z } from 'zod';
import type { LessonSettings } from '../contract/lessons';
import type { SettingsView } from '../contract/settings';
import { DEFAULT_SETTINGS } from '../core/settings/store';
import { PinGuard, hashPin } from '../core/settings/pin';
import { lessonSettingsChangeSchema } from '../core/lessons/settings';
import { LetterLabError } from '../core/errors';
import type { ApiRegistry } from './registry';
import type { HostContext } from './context';

/** Longest PIN text the host reads (PINs are 4 to 12 digits; more is not one). */
export const pinText = z.string().max(64);

/** Whether `change` would change any of the teacher's lesson settings. */
function lessonsChange(current: LessonSettings, change: Partial<LessonSettings>): boolean {
  return Object.entries(change).some(
    ([key, value]) =>
      JSON.stringify(value) !== JSON.stringify(current[key as keyof LessonSettings]),
  );
}

export function setupSettings(
  registry: ApiRegistry,
  ctx: HostContext,
  guard: PinGuard = new PinGuard(),
): void {
  let warning = ctx.settings.warning;
  const view = (): SettingsView => {
    const { pin, ...settings } = ctx.settings.get();
    return { settings: { ...settings, pinSet: pin !== null }, warning };
  };

  registry.handle('settings:get', z.undefined(), view);
  registry.handle(
    'settings:update',
    z
      .object({
        language: z.enum(['en', 'pl']).optional(),
        lockPresets: z.boolean().optional(),
        tourDone: z.boolean().optional(),
        lessons: lessonSettingsChangeSchema.optional(),
        pin: pinText.optional(),
      })
      .strict(),
    async ({ lessons, pin, ...change }) => {
      const current = ctx.settings.get();
      // Locking or unlocking the presets, and the lessons' settings, are the teacher's: a change
      // to them needs the PIN when one is set.
      const presets =
        change.lockPresets !== undefined && change.lockPresets !== current.lockPresets;
      if (presets || (lessons && lessonsChange(current.lessons, lessons))) {
        await guard.check(current.pin, pin);
      }
      await ctx.settings.update(
        lessons ? { ...change, lessons: { ...current.lessons, ...lessons } } : change,
      );
      ctx.events.emit('lessons:changed', { at: new Date().toISOString() });
      return view();
    },
  );
  registry.handle(
    'settings:default-dataset',
    z.object({ useCurrent: z.boolean() }).strict(),
    async ({ useCurrent }) => {
      const open = ctx.session.dataset;
      if (useCurrent && (!open || open.info.source === 'sample')) {
        throw new LetterLabError(
          'api.bad-request',
          'Open the teacher’s letters file first: the sample letters are always there anyway.',
        );
      }
      await ctx.settings.update({ defaultDataset: useCurrent && open ? open.path : null });
      return view();
    },
  );
  registry.handle(
    'settings:reset',
    z.object({ pin: pinText.optional() }).strict().optional(),
    async (request) => {
      await guard.check(ctx.settings.get().pin, request?.pin);
      await ctx.settings.update({ ...DEFAULT_SETTINGS });
      warning = null;
      return view();
    },
  );
  registry.handle(
    'settings:pin',
    z.object({ current: pinText.optional(), next: pinText.nullable() }).strict(),
    async ({ current, next }) => {
      await guard.check(ctx.settings.get().pin, current);
      await ctx.settings.update({ pin: next === null ? null : await hashPin(next) });
      return view();
    },
  );
}
