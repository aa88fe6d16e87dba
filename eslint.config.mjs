// @ts-check
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node built-ins, by bare name and with the node: prefix. */
const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'path/*', 'os', 'child_process', 'http', 'https', 'net', 'url', 'util', 'crypto', 'stream', 'worker_threads'];

/** Any import path that reaches into a top-level folder (electron/, renderer/ …), relative or not. */
const intoFolder = (folder) => `^(\\.\\.?/)*(\\.\\./)*${folder}(/|$)`;

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'resources/**', 'test-results/**', 'playwright-report/**', '.tmp/**', '.bench/**', '.electron-native/**'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['electron/**', 'scripts/**', 'tests/**', 'server/**', '*.config.*', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },

  // Architecture boundaries (STYLE.md §11). One config object per folder: for a given file, ESLint
  // keeps only the last matching `no-restricted-imports`, so each folder lists all of its rules.
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ runs in every process: no Electron.' },
            { name: 'react', message: 'shared/ holds no UI code: no React.' },
          ],
          patterns: [
            { group: NODE_BUILTINS, message: 'shared/ also runs in the renderer: no Node built-ins.' },
            { group: ['react/*', 'react-dom', 'react-dom/*'], message: 'shared/ holds no UI code: no React.' },
            { regex: intoFolder('electron'), message: 'shared/ may not import from electron/.' },
            { regex: intoFolder('renderer'), message: 'shared/ may not import from renderer/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.api (the contract).' }],
          patterns: [
            { group: NODE_BUILTINS, message: 'The renderer is sandboxed: no Node built-ins.' },
            { regex: intoFolder('electron'), message: 'The renderer may not import from electron/: use the contract in shared/ipc.' },
          ],
        },
      ],
    },
  },
  {
    // The core (services, db, sync, rules) also runs in the plain Node web host: only the Electron
    // shell files may import electron.
    files: ['electron/main/**'],
    ignores: ['electron/main/index.ts', 'electron/main/windows/**', 'electron/main/ipc/registerIpc.ts', 'electron/main/coreProcessClient.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only the Electron shell (index.ts, windows/, ipc/registerIpc.ts, coreProcessClient.ts) may import electron: this code also runs in the Node web host.' }],
          patterns: [{ regex: intoFolder('renderer'), message: 'Main-process code may not import from renderer/.' }],
        },
      ],
    },
  },
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The state server imports shared/ only.' }],
          patterns: [
            { regex: intoFolder('electron'), message: 'The state server imports shared/ only.' },
            { regex: intoFolder('renderer'), message: 'The state server imports shared/ only.' },
          ],
        },
      ],
    },
  },
);
