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
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { paths: [noIpcOutsideWrappers] }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
      globals: { ...globals.browser },
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            {
              group: ['**/src-main/*', '!**/src-main/contract', '!**/src-main/core'],
              message:
                'The renderer may use only src-main/contract (types) and src-main/core/spec.',
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
        },
      ],
    },
  },
  {
    files: [
      'src-main/core/**',
      'src-main/contract/**',
      'src-main/host/**',
      'src-main/cli/**',
      'src-main/web/**',
      'src-main/trainer/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only src-main/electron and src-main/preload may use Electron.',
            },
          ],
          patterns: [
            {
              group: ['**/electron/*', '**/preload/*'],
              message: 'Core and adapters never import the Electron shell.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/core/spec/**', 'src-main/core/preprocess/**', 'src-main/core/text/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                '@tensorflow/*',
                'electron',
                '../*',
                '!../errors',
                '!../text',
                '!../..',
                '../../*',
                '!../../contract',
              ],
              message:
                'core/spec, core/preprocess and core/text are pure TypeScript shared with the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/core/lessons/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                '@tensorflow/*',
                'electron',
                '../*',
                '!../..',
                '!../spec',
                '!../text',
                '../../*',
                '!../../contract',
              ],
              message: 'core/lessons is pure TypeScript shared with the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/core/lessons/report/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                '@tensorflow/*',
                'electron',
                '../../*',
                '!../../..',
                '!../../spec',
                '!../../text',
                '../../../*',
                '!../../../contract',
              ],
              message: 'core/lessons is pure TypeScript shared with the renderer.',
            },
          ],
        },
      ],
    },
  },
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
