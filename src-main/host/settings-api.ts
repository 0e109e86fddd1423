import { z } from 'zod';
import type { SettingsView } from '../contract/settings';
import { DEFAULT_SETTINGS } from '../core/settings/store';
import { lessonSettingsChangeSchema } from '../core/lessons/settings';
import { LetterLabError } from '../core/errors';
import type { ApiRegistry } from './registry';
import type { HostContext } from './context';

export function setupSettings(registry: ApiRegistry, ctx: HostContext): void {
  let warning = ctx.settings.warning;
  const view = (): SettingsView => ({ settings: ctx.settings.get(), warning });

  registry.handle('settings:get', z.undefined(), view);
  registry.handle(
    'settings:update',
    z
      .object({
        language: z.enum(['en', 'pl']).optional(),
        lockPresets: z.boolean().optional(),
        tourDone: z.boolean().optional(),
        lessons: lessonSettingsChangeSchema.optional(),
      })
      .strict(),
    async ({ lessons, ...change }) => {
      await ctx.settings.update(
        lessons ? { ...change, lessons: { ...ctx.settings.get().lessons, ...lessons } } : change,
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
  registry.handle('settings:reset', z.undefined(), async () => {
    await ctx.settings.update({ ...DEFAULT_SETTINGS });
    warning = null;
    return view();
  });
}
