// Flat ESLint config. Type-aware rules where they matter for process code (floating promises),
// and import fences that keep the process boundaries honest.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const noDefaultExport = {
  selector: 'ExportDefaultDeclaration',
  message: 'Use named exports.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.sim/**',
      '*.config.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noDefaultExport],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', '../main/**', '../../main/**'],
              message: 'The renderer talks to main only through window.bench.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only main/electron/ may import electron; services stay plain Node.',
            },
          ],
        },
      ],
    },
  },
  // Services import downward only: the composition (app/), the entry points (cli/, electron/) and the server
  // compose them, never the other way round (main/README.md, "Layers"). ESLint does not resolve paths, so
  // the fence is written per folder depth: `../` from main/<area>/, `../../` from main/<area>/<sub>/...
  ...[1, 2, 3].map((depth) => ({
    files: [`main/${'*/'.repeat(depth)}*.ts`],
    ignores: [
      'main/app/**',
      'main/cli/**',
      'main/electron/**',
      'main/server/**',
      'main/bin/**',
      'main/build/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only main/electron/ may import electron; services stay plain Node.',
            },
          ],
          patterns: [
            {
              regex: `^${String.raw`\.\./`.repeat(depth)}(app|cli|electron|server)/`,
              message:
                'A service imports downward only: give it an interface instead of importing the composition.',
            },
          ],
        },
      ],
    },
  })),
  {
    // One typed IPC module sends to a window: nothing else calls webContents.send.
    files: ['main/**/*.ts'],
    ignores: ['main/electron/typed-ipc.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        noDefaultExport,
        {
          selector: "CallExpression[callee.property.name='send'][callee.object.property.name='webContents']",
          message: 'Send to a window only through main/electron/typed-ipc.ts (the contract’s channels).',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
