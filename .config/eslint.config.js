// ESLint flat config; lives in .config/ to keep the top level to what the product is made of.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { foyerPlugin } from './eslint-layers.js';

/** The board runs in a sandbox without Node: nothing from electron/ or node: may reach it. */
const BOARD_SANDBOX = [
  {
    group: ['electron', 'node:*', '**/electron/**', '**/core/node/**', '**/core/hub/server/**', '**/core/cli/**'],
    message: 'The board runs in a sandbox without Node.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      'tests/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    // The build's own config runs in Node (it builds the hub's server bundle too), never on a screen.
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The board runs in a sandbox without Node: nothing from electron/ or node: may reach it.
      'no-restricted-imports': ['error', { patterns: BOARD_SANDBOX }],
    },
  },
  // ---------- the board (renderer/src): features apart, zod out ----------
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: {
      // Sizes and hook dependencies are the board's correctness: a missing dependency is an error, never a warning.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // A feature (board, agenda, spotlight, rooms, overlays) imports shared components, hooks, the clock and
    // core, never another feature: what two features share moves to renderer/src/components.
    files: ['renderer/src/features/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...BOARD_SANDBOX,
            {
              regex: '^\\.\\./(?!\\.\\./)',
              message: 'A feature imports no other feature; move what they share to renderer/src/components.',
            },
            {
              regex: '/features/',
              message: 'A feature imports no other feature; move what they share to renderer/src/components.',
            },
          ],
        },
      ],
    },
  },
  {
    // Shared code below the features never reaches up into one.
    files: ['renderer/src/{components,hooks,clock,fit}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...BOARD_SANDBOX, { regex: '/features/', message: 'Shared board code imports no feature.' }] },
      ],
    },
  },
  {
    // zod (the program schema's values) stays out of the board bundle: its first paint is budgeted, and its
    // CSP has no room for zod's `new Function` probe. Types from the schema are free. This covers what the
    // board bundles from core; the e2e security test checks the built bundle itself.
    files: [
      'renderer/src/**/*.{ts,tsx}',
      'core/engine/**',
      'core/screen/**',
      'core/hub/rules/**',
      'core/host-contract.ts',
      'core/hub/api.ts',
      'core/hub-client/session.ts',
      'core/hub-client/program-update.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'zod stays out of the board bundle.' }],
          patterns: [
            {
              group: ['**/program/schema.ts', '**/program/validate.ts', '**/program/load.ts', '**/program/json-schema.ts'],
              allowTypeImports: true,
              message: 'The board may only `import type` from the program schema: its values bring zod into the bundle.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'core/layout/**',
      'core/program/**',
      'core/engine/**',
      'core/import/**',
      'core/export/**',
      'core/screen/**',
      'core/hub/api.ts',
      'core/hub/rules/**',
      'core/*.ts',
      'core/hub-client/session.ts',
      'core/hub-client/program-update.ts',
    ],
    rules: {
      // Pure logic: no Node, no Electron, no DOM shells.
      'no-restricted-imports': ['error', { patterns: ['electron', 'node:*', '**/electron/**', '**/renderer/**', '**/node/**'] }],
    },
  },
  {
    files: ['electron/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/renderer/**'] }],
    },
  },
  // Core's layers (the order and why: .config/eslint-layers.js): an upward import or a cycle fails lint.
  { files: ['core/**/*.ts'], plugins: { foyer: foyerPlugin }, rules: { 'foyer/layers': 'error' } },
  // The typed IPC contract (core/host-contract.ts) cannot be bypassed: electron/ipc.ts is the only user of ipcMain and
  // electron/preload.ts the only user of ipcRenderer. A separate rule (no-restricted-syntax) from the import
  // boundaries above, so that neither block overrides the other.
  ...ipcOnlyIn(),
);

function ipcOnlyIn() {
  const forbid = (name, home) => [
    {
      selector: `ImportDeclaration[source.value='electron'] ImportSpecifier[imported.name='${name}']`,
      message: `${name} is used only in ${home}, through the typed contract in core/host-contract.ts.`,
    },
    {
      selector: `MemberExpression[property.name='${name}']`,
      message: `${name} is used only in ${home}, through the typed contract in core/host-contract.ts.`,
    },
  ];
  const main = forbid('ipcMain', 'electron/ipc.ts');
  const renderer = forbid('ipcRenderer', 'electron/preload.ts');
  return [
    { files: ['**/*.{js,cjs,mjs,ts,tsx}'], rules: { 'no-restricted-syntax': ['error', ...main, ...renderer] } },
    { files: ['electron/ipc.ts'], rules: { 'no-restricted-syntax': ['error', ...renderer] } },
    { files: ['electron/preload.ts'], rules: { 'no-restricted-syntax': ['error', ...main] } },
  ];
}
