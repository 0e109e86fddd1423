// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const noIpcOutsideWrappers = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the IPC wrappers (src-main/electron/ipc.ts, src-main/preload/index.ts).',
};
const noElectron = {
  name: 'electron',
  message: 'Only src-main/electron and src-main/preload may use Electron.',
};
const noShell = {
  group: ['**/electron/*', '**/preload/*'],
  message: 'Core and adapters never import the Electron shell.',
};

/**
 * `no-restricted-imports` for `files`. ESLint takes a rule's options from the last config that
 * sets it, so each block lists everything its files may not import.
 * @param {string[]} files
 * @param {{ paths?: (string | object)[], patterns?: object[] }} restrictions
 */
function restrictImports(files, restrictions) {
  return { files, rules: { 'no-restricted-imports': ['error', restrictions] } };
}

/**
 * A folder of pure TypeScript shared with the renderer: no Node.js, TensorFlow.js or Electron, and
 * of the code around it only what `allowed` lists (import paths as written in its files).
 * @param {string[]} files
 * @param {string[]} outside patterns that reach out of the folder, e.g. '../*'
 * @param {string[]} allowed
 * @param {string} message
 */
function pureFolder(files, outside, allowed, message) {
  return restrictImports(files, {
    patterns: [
      {
        group: ['node:*', '@tensorflow/*', 'electron', ...outside, ...allowed.map((a) => `!${a}`)],
        message,
      },
    ],
  });
}

export default tseslint.config(
  {
    // assembly/: AssemblyScript (its own builtins and types), checked by its compiler instead.
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'resources/',
      'coverage/',
      '**/*.d.ts',
      'src-main/core/backend/simd/assembly/',
    ],
  },
  js.configs.recommended,
  // Type-aware: a promise nobody awaits or catches (no-floating-promises), one passed where a
  // plain function is expected (no-misused-promises), `any` leaking out of JSON, and more.
  ...tseslint.configs.recommendedTypeChecked,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { paths: [noIpcOutsideWrappers] }],
      // An async function without await still turns a throw into a rejected promise, which
      // callers of the async interfaces here (byte sources, save handlers) rely on.
      '@typescript-eslint/require-await': 'off',
      // recommendedTypeChecked's defaults, and arrays: `[${shape}]` prints "[28,28,1]" on purpose.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allowAny: true,
          allowArray: true,
          allowBoolean: true,
          allowNullish: true,
          allowNumber: true,
          allowRegExp: true,
        },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
      globals: { ...globals.browser },
    },
  },
  // Components' markup is checked by svelte-check (svelte2tsx); typescript-eslint cannot see the
  // types of the components a .svelte file uses, and type-aware linting of .svelte files took
  // four times as long as all the rest. Their logic lives in .ts and .svelte.ts files, linted
  // with types.
  { files: ['**/*.js', '**/*.svelte'], ...tseslint.configs.disableTypeChecked },
  {
    // Tests read JSON, files and tfjs's private parts on purpose; expect() checks the values.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // tsconfig.bytes.json checks these with noUncheckedIndexedAccess, where an index's `!` is
    // needed; the linter sees them through tsconfig.node.json, where it looks unnecessary.
    files: ['src-main/core/mat/**', 'src-main/core/export/**'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  restrictImports(['src-renderer/**'], {
    paths: ['electron'],
    patterns: [
      {
        group: ['**/src-main/*', '!**/src-main/contract', '!**/src-main/core'],
        message:
          'The renderer may use only src-main/contract (types) and the pure parts of src-main/core.',
      },
      {
        group: [
          '**/src-main/core/*',
          '!**/src-main/core/spec',
          '!**/src-main/core/preprocess',
          '!**/src-main/core/lessons',
          '!**/src-main/core/text',
        ],
        message:
          'The renderer may use only src-main/contract (types), src-main/core/spec, src-main/core/preprocess, src-main/core/lessons and src-main/core/text.',
      },
      { group: ['node:*'], message: 'The renderer has no Node.js.' },
    ],
  }),
  restrictImports(
    [
      'src-main/contract/**',
      'src-main/host/**',
      'src-main/cli/**',
      'src-main/web/**',
      'src-main/trainer/**',
    ],
    { paths: [noElectron], patterns: [noShell] },
  ),
  // The core is used by every host and adapter, and uses none of them.
  restrictImports(['src-main/core/**'], {
    paths: [noElectron],
    patterns: [
      noShell,
      {
        group: ['**/host/*', '**/cli/*', '**/web/*', '**/trainer/*'],
        message:
          'src-main/core never imports the hosts or adapters (host, cli, web, trainer): they use it.',
      },
    ],
  }),
  pureFolder(
    ['src-main/core/spec/**', 'src-main/core/preprocess/**', 'src-main/core/text/**'],
    ['../*', '../../*'],
    ['../errors', '../text', '../..', '../../contract'],
    'core/spec, core/preprocess and core/text are pure TypeScript shared with the renderer.',
  ),
  pureFolder(
    ['src-main/core/lessons/*.ts'],
    ['../*', '../../*'],
    ['../..', '../spec', '../text', '../../contract'],
    'core/lessons is pure TypeScript shared with the renderer.',
  ),
  pureFolder(
    ['src-main/core/lessons/report/*.ts'],
    ['../../*', '../../../*'],
    ['../../..', '../../spec', '../../text', '../../../contract'],
    'core/lessons is pure TypeScript shared with the renderer.',
  ),
  {
    files: ['src-main/contract/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'FunctionDeclaration', message: 'The contract holds types only.' },
        { selector: 'VariableDeclaration', message: 'The contract holds types only.' },
        { selector: 'ClassDeclaration', message: 'The contract holds types only.' },
      ],
    },
  },
  {
    files: ['src-main/electron/ipc.ts', 'src-main/preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
