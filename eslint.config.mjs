// @ts-check
/**
 * ESLint flat config: typescript-eslint's recommended rules for every runtime, with each folder's globals.
 * The mini-program's platform globals (wx, Page, …) are allowed only under miniprogram/: the shared typings
 * declare them everywhere for the type-checker, so elsewhere they are forbidden by no-restricted-globals.
 * Formatting is Prettier's job (npm run format), not ESLint's.
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The mini-program runtime's globals (miniprogram-api-typings). */
const miniprogramGlobals = {
  wx: 'readonly',
  App: 'readonly',
  Page: 'readonly',
  Component: 'readonly',
  Behavior: 'readonly',
  getApp: 'readonly',
  getCurrentPages: 'readonly',
  requirePlugin: 'readonly',
};

export default defineConfig(
  {
    ignores: [
      // generated output (.gitignore): bundled functions, the mini-program's core bundle, builds, artefacts
      'cloudfunctions/*/index.js',
      'miniprogram/lib/',
      'build/',
      'bench-results/',
      'test-results/',
      '.localcloud/',
      '.scratch/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a deliberately unused name; rest siblings are how an object drops a field.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['miniprogram/**'],
    languageOptions: {
      ecmaVersion: 2020,
      globals: { ...globals.es2020, ...miniprogramGlobals, console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
  {
    files: ['core/**'],
    languageOptions: { globals: { ...globals.es2021 } },
  },
  {
    files: ['server/**', 'cloudfunctions/**', 'scripts/**', 'localcloud/**', 'bench/**', 'test/**', 'preview/*.ts', '*.mts', '*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['preview/client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: {
      // Function answers reach tests and benches as untyped JSON over the local cloud; the assertions are the check.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: [
      'preview/client/builtins/define.ts',
      'preview/client/builtins/fields.ts',
      'preview/client/page-definition.ts',
      'preview/client/wx.ts',
      'localcloud/sdk.ts',
    ],
    rules: {
      // The fake platform holds WeChat's untyped runtime objects (page data, component hosts, wx options), as
      // the real base library does; sdk.ts hands out wx-server-sdk, whose own typings are `any`.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    ignores: ['miniprogram/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...Object.keys(miniprogramGlobals).map((name) => ({ name, message: `${name} 只在小程序（miniprogram/）中存在。` })),
      ],
    },
  },
);
