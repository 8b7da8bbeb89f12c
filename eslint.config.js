import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'widget/dist/', 'demo-site/vue-dist/', '.poort/', 'coverage/', 'db/migrations/', '.stryker-tmp/', 'reports/'] },
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
    files: ['widget/**/*.ts', 'test/widget/**/*.ts'],
    ...lit.configs['flat/recommended'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
  },
  { files: ['widget/**/*.ts'], ...wc.configs['flat/recommended'] },
  { files: ['widget/**/*.ts'], ...wc.configs['flat/best-practice'] },
  {
    files: ['demo-site/public/**/*.js', 'demo-site/vue/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The widget runs in browsers only: Node's globals would hide mistakes there.
    files: ['widget/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
