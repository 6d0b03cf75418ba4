// ESLint flat config: typescript-eslint's type-checked recommendations plus the few rules that catch real bugs
// here (floating promises, loose equality). Layout is Prettier's job (no stylistic rules); which module may
// import which is dependency-cruiser's (.dependency-cruiser.cjs). `npm run lint`; part of `npm run check`.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', 'test-results/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // One program over every TypeScript file (tsconfig.eslint.json) instead of the five `tsc -b` projects,
        // which each re-check the simulator's sources: the type-aware rules then cost one type check.
        project: './tsconfig.eslint.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `x != null` is the one idiom for 'null or undefined'.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // node:test's test()/describe() return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // `interface XSchemaType extends Type<typeof impl> {}` names a zod type so that declaration files refer
      // to it instead of repeating it (simulator/src/model): an empty interface with one supertype is the idiom.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // The shell interpreter unwinds exit/return/break/continue with small signal objects, not Errors: no
      // stack trace is captured for what is ordinary control flow (a loop may break thousands of times).
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allow: [
            {
              from: 'file',
              path: 'simulator/src/behaviour/shellControl.ts',
              name: ['ExitSig', 'ForeverSig', 'LoopSig', 'ReturnSig', 'StartErr'],
            },
          ],
        },
      ],
      // Test regexes match YAML and kubectl's column output, where runs of spaces are the indentation and the
      // alignment being checked: written out, they look like the text they match; ` {8}` would not.
      'no-regex-spaces': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests read JSON.parse output, child-process output and playwright's evaluate() results, which are `any`;
    // the assertions that follow are what checks their shape, so typing each one first would add nothing.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript (build scripts, configs): not in a TypeScript program, so no type-aware rules.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // The simulator is pure and deterministic: no wall clock, no randomness outside its seeded RNG, no timers,
    // no I/O. Imports are checked by dependency-cruiser; these are the globals an import rule cannot see.
    files: ['simulator/src/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'The simulator has no wall clock: use simulated time (integer ms).' },
        { name: 'setTimeout', message: 'The simulator schedules through its event queue.' },
        { name: 'setInterval', message: 'The simulator schedules through its event queue.' },
        { name: 'performance', message: 'The simulator has no wall clock.' },
        { name: 'process', message: 'The simulator knows nothing of Node.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded RNG (cluster/rng.ts).' },
      ],
    },
  },
);
