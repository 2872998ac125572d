import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      'playground/.strapi/**',
      'playground/build/**',
      'playground/types/**',
      'tests/artifacts/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // The tracker runs in visitors' browsers as a classic script (SPEC §6).
    files: ['server/src/attribution/tracker.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    // The partner portal runs in partners' browsers (SPEC §8); its Vite config in Node.
    files: ['portal/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // plugin/ is the pure core (SPEC §3): no Strapi, React, Node I/O or outer layers.
    files: ['plugin/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@strapi/*', 'react', 'react-*', 'koa', 'knex', 'stripe', 'pdfkit'],
              message: 'plugin/ is pure.',
            },
            {
              group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'crypto', 'child_process'],
              message: 'plugin/ does no I/O.',
            },
            {
              group: ['**/server/**', '**/admin/**', '**/portal/**'],
              message: 'Dependencies point inward to plugin/.',
            },
          ],
        },
      ],
    },
  }
);
