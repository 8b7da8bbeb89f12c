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
    files: ['demo-site/public/**/*.js', 'demo-site/vue/**/*.ts'],
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
);
