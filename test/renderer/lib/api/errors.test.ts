// Every error a camper can see, in English and Polish: the dictionary covers the host's codes, and
// localizeError keeps the host's specific words (English as is, Polish after a plain explanation).
import { describe, expect, it } from 'vitest';
import type { ApiError, ErrorCode } from '../../../../src-main/contract/errors';
import { PRESETS, SpecError, parseSpec, validateSpec } from '../../../../src-main/core/spec';
import { formatSpecMessage } from '../../../../src-main/core/spec/messages';
import contractSource from '../../../../src-main/contract/errors.ts?raw';
import { ApiFailure, errorKey, localizeError } from '../../../../src-renderer/lib/api/errors';
import { en, pl } from '../../../../src-renderer/lib/i18n/en';
import { errors } from '../../../../src-renderer/lib/i18n/messages/errors';

/** Codes no camper meets in the app, so they have no plain-language entry. */
const SKIPPED: Record<string, string> = {
  'cli.usage': 'wrong command-line arguments: only `letter-lab` and the build scripts print it',
  'sample.font-missing': 'scripts/make-sample (building the bundled sample set)',
  'sample.font-license': 'scripts/make-sample (building the bundled sample set)',
  'sample.font-unregistered': 'scripts/make-sample (building the bundled sample set)',
  'sample.font-fallback': 'scripts/make-sample (building the bundled sample set)',
  'sample.glyph-bad': 'scripts/make-sample (building the bundled sample set)',
  'icon.font-unregistered': 'scripts/make-icon (building the app icon)',
  'mat.write-invalid': 'the MAT writer (core/mat/write) only runs in scripts/make-sample and tests',
  'predict.not-png': 'only `letter-lab predict` reads PNG files; the app draws on a canvas',
  'predict.image-too-large': 'only `letter-lab predict` reads PNG files; the app draws on a canvas',
  'runs.ambiguous': 'only `letter-lab runs` matches runs by a prefix of their id',
};

/** Keys of the errors dictionary that are not a code's explanation. */
const HELPER_KEYS = ['error.withDetail', 'error.server.unreachable'];

/** The codes of the ErrorCode union, read from the contract's source. */
const CODES = [...contractSource.matchAll(/^\s*\|\s*'([a-z0-9-]+\.[a-z0-9-]+)'/gm)].map(
  (m) => m[1],
);

/** Sources a request from the renderer runs through: a code thrown here can reach a camper. */
const REACHABLE_SOURCES = {
  ...import.meta.glob('../../../../src-main/host/**/*.ts', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
  ...import.meta.glob('../../../../src-main/web/**/*.ts', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
  ...import.meta.glob('../../../../src-main/electron/**/*.ts', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
  ...import.meta.glob('../../../../src-renderer/**/*.{ts,svelte}', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
} as Record<string, string>;

const ENGLISH_DETAIL =
  'This is a MATLAB v7.3 MAT-file, which is an HDF5 file inside; Letter Lab reads MAT-files of versions 5 to 7.';

describe('error dictionary', () => {
  it('reads the codes of the contract', () => {
    expect(CODES.length).toBeGreaterThan(50);
    expect(CODES).toContain('mat.v73-hdf5');
    expect(new Set(CODES).size).toBe(CODES.length);
  });

  it('explains every code in English and Polish, or says why it is skipped', () => {
    const missing: string[] = [];
    for (const code of CODES) {
      if (code in SKIPPED) continue;
      const key = errorKey(code);
      const english = (en as Record<string, string>)[key];
      const polish = (pl as Record<string, string>)[key];
      if (!english?.trim() || !polish?.trim()) missing.push(code);
      else expect(polish, key).not.toBe(english);
    }
    expect(missing).toEqual([]);
  });

  it('skips only real codes, and none that the app itself throws', () => {
    for (const [code, why] of Object.entries(SKIPPED)) {
      expect(CODES, code).toContain(code);
      expect(why.trim()).not.toBe('');
      const users = Object.entries(REACHABLE_SOURCES)
        .filter(([, text]) => text.includes(`'${code}'`))
        .map(([file]) => file);
      expect(users, code).toEqual([]);
    }
    expect(Object.keys(REACHABLE_SOURCES).length).toBeGreaterThan(20);
  });

  it('has no entry for a code that does not exist', () => {
    const stale = Object.keys(errors.en)
      .filter((key) => !HELPER_KEYS.includes(key))
      .filter((key) => !CODES.includes(key.slice('error.'.length)));
    expect(stale).toEqual([]);
  });
});

describe('localizeError', () => {
  const v73: ApiError = { code: 'mat.v73-hdf5', message: ENGLISH_DETAIL };

  it('shows the host’s own message in English', () => {
    expect(localizeError(v73, 'en')).toBe(ENGLISH_DETAIL);
  });

  it('explains the code in Polish and keeps the English detail after it', () => {
    const text = localizeError(v73, 'pl');
    expect(text.startsWith(pl['error.mat.v73-hdf5'])).toBe(true);
    expect(text.endsWith(`Szczegóły (po angielsku): ${ENGLISH_DETAIL}`)).toBe(true);
    expect(text).toMatch(/v7\.3/);
    expect(text).toMatch(/save -v7/);
  });

  it('shows the host’s message for a code it does not know, in both languages', () => {
    const odd = { code: 'future.thing' as ErrorCode, message: 'Something new went wrong.' };
    expect(localizeError(odd, 'en')).toBe(odd.message);
    expect(localizeError(odd, 'pl')).toBe(odd.message);
  });

  it('prefers the host’s messageKey and params when the renderer knows the key', () => {
    const tooBig: ApiError = {
      code: 'file.too-large',
      message: 'The file huge.mat is 900 MiB; Letter Lab opens letter files up to 512 MiB.',
      messageKey: 'dataset.error.tooLarge',
      params: { name: 'huge.mat', size: '900 MiB' },
    };
    expect(localizeError(tooBig, 'pl')).toBe(
      pl['dataset.error.tooLarge'].replace('{name}', 'huge.mat').replace('{size}', '900 MiB'),
    );
    expect(localizeError(tooBig, 'en')).toBe(
      en['dataset.error.tooLarge'].replace('{name}', 'huge.mat').replace('{size}', '900 MiB'),
    );
    // An unknown key falls back to the code's explanation.
    const unknownKey = { ...tooBig, messageKey: 'dataset.error.noSuchKey' };
    expect(localizeError(unknownKey, 'en')).toBe(tooBig.message);
    expect(localizeError(unknownKey, 'pl')).toContain(pl['error.file.too-large']);
  });

  it('words the spec checker’s problems through their own messageKey', () => {
    const preset = PRESETS.find((p) => p.id === 'conv');
    if (!preset) throw new Error('no conv preset');
    // Without its Flatten, the answer layer gets a picture instead of a list of numbers.
    const spec = { ...preset.spec, layers: preset.spec.layers.filter((l) => l.type !== 'flatten') };
    const problem = validateSpec(spec).find((p) => p.severity === 'error');
    expect(problem).toBeDefined();
    if (!problem) return;
    const error: ApiError = {
      code: 'spec.invalid',
      message: problem.message,
      messageKey: problem.messageKey,
      params: problem.params,
    };
    const polish = localizeError(error, 'pl');
    expect(polish).toBe(formatSpecMessage('pl', problem.messageKey, problem.params));
    expect(polish).not.toBe(problem.message);
    expect(localizeError(error, 'en')).toBe(problem.message);
  });

  it('localizes a real spec file error', () => {
    let thrown: unknown;
    try {
      parseSpec({ version: 7, name: 'From the future', layers: [] });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(SpecError);
    const { code, message } = thrown as SpecError;
    expect(code).toBe('spec.unsupported-version');
    expect(localizeError({ code, message }, 'en')).toBe(message);
    const polish = localizeError({ code, message }, 'pl');
    expect(polish).toContain(pl['error.spec.unsupported-version']);
    expect(polish).toContain(message);
  });

  it('words the browser bridge’s own failure in both languages', () => {
    const gone: ApiError = {
      code: 'api.internal',
      message: 'Letter Lab’s server is not answering. Is `npm run web` still running?',
      messageKey: 'error.server.unreachable',
    };
    expect(localizeError(gone, 'pl')).toBe(pl['error.server.unreachable']);
    expect(localizeError(gone, 'en')).toBe(en['error.server.unreachable']);
  });
});

describe('ApiFailure', () => {
  it('carries the localized message and the host’s raw error and code', () => {
    const raw: ApiError = { code: 'mat.v73-hdf5', message: ENGLISH_DETAIL };
    const polish = new ApiFailure(raw, 'pl');
    expect(polish).toBeInstanceOf(Error);
    expect(polish.message).toBe(localizeError(raw, 'pl'));
    expect(polish.error).toBe(raw);
    expect(polish.code).toBe('mat.v73-hdf5');
    expect(polish.message).not.toMatch(/\n\s+at /);
    expect(new ApiFailure(raw, 'en').message).toBe(ENGLISH_DETAIL);
    expect(new ApiFailure(raw).message).toBe(ENGLISH_DETAIL);
  });
});
