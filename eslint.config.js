import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // widget/dist and demo-site/vue-dist: left behind in older checkouts by builds from before dist/.
  { ignores: ['node_modules/', 'dist/', '.poort/', 'coverage/', 'db/migrations/', 'widget/dist/', 'demo-site/vue-dist/', '.stryker-tmp/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['widget/**/*.ts', 'editor/**/*.ts', 'test/widget/**/*.ts'],
    ...lit.configs['flat/recommended'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
  },
  { files: ['widget/**/*.ts', 'editor/**/*.ts'], ...wc.configs['flat/recommended'] },
  { files: ['widget/**/*.ts', 'editor/**/*.ts'], ...wc.configs['flat/best-practice'] },
  // The text editor runs in browsers only.
  { files: ['editor/src/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['demo-site/public/**/*.js', 'demo-site/vue/**/*.ts', 'demo-site/react/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The widget runs in browsers only: Node's globals would hide mistakes there.
    files: ['widget/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // From the shared contract the widget takes constants and types; the zod schemas only as
      // types (`import type`), so zod never reaches the bundle (docs/decisions/0001-shared-contract.md).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/contract/api-schemas*'], allowTypeImports: true, message: 'Import the wire shapes with `import type`: zod stays out of the widget bundle.' },
            { group: ['zod', 'zod/*', '@hono/*', 'hono', 'hono/*'], message: 'The widget bundle has no zod or Hono.' },
            { group: ['**/bff/**', '**/db/**'], message: 'The widget shares only contract/ with the BFF.' },
          ],
        },
      ],
    },
  },
  {
    // The contract is what the BFF and the widget share: it depends on neither, nor on the database.
    files: ['contract/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/bff/**', '**/widget/**', '**/db/**', 'node:*'], message: 'contract/ depends on no part of Poort and on nothing only Node has.' }] },
      ],
    },
  },
  // Layers of the BFF (docs/decisions/layout-by-feature.md). Features (eherkenning/,
  // password-login/, accounts/, sessions/, …) may use http/, saml/ and each other; http/ uses no
  // feature; saml/ is protocol only: no database, no Hono, no feature. Only route modules, http/
  // and the app's entry points speak Hono: the rest takes and returns plain values and error codes.
  {
    files: ['bff/src/**/*.ts'],
    ignores: [
      'bff/src/app.ts',
      'bff/src/app-env.ts',
      'bff/src/server.ts',
      'bff/src/http/**',
      'bff/src/**/routes.ts',
      'bff/src/**/*-routes.ts',
      'bff/src/**/*-schemas.ts',
      'bff/src/sessions/load-session.ts',
      'bff/src/sessions/session-cookie.ts',
      'bff/src/saml-login/login-binding-cookie.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['hono', 'hono/*', '@hono/*'], message: 'Only route modules and http/ speak Hono: return values or error codes from here.' }] },
      ],
    },
  },
  {
    files: ['bff/src/saml/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['hono', 'hono/*', '@hono/*'], message: 'saml/ is protocol only: no HTTP framework.' },
            { group: ['**/db/**'], message: 'saml/ is protocol only: the eHerkenning feature (eherkenning/) stores what it needs.' },
            {
              group: ['**/eherkenning/**', '**/password-login/**', '**/accounts/**', '**/sessions/**', '**/http/**', '**/audit/**', '**/mail/**', '**/rate-limits/**', '**/site-config/**', '**/housekeeping/**', '**/health/**', '**/cli/**', '**/pages/**'],
              message: 'saml/ is protocol only and depends on no feature; the features depend on it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bff/src/http/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/eherkenning/**', '**/password-login/**', '**/accounts/**', '**/sessions/**', '**/audit/**', '**/mail/**', '**/rate-limits/**', '**/housekeeping/**', '**/health/**', '**/cli/**', '**/saml/**', '**/passwords/**'],
              message: 'http/ is shared plumbing (headers, cookies, client address, errors as responses): features use it, never the other way round.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bff/src/**/*-policy.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['hono', 'hono/*', '@hono/*', '**/db/**', 'node:*'], message: 'A policy is pure logic: no HTTP, no database, no I/O, so it is tested without servers.' }] },
      ],
    },
  },
  {
    files: ['db/**/*.ts', 'db/**/*.mjs'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/bff/**', '**/widget/**', '**/demo-site/**'], message: 'db/ is the lowest layer: the BFF uses it, not the other way round.' }] },
      ],
    },
  },
);
