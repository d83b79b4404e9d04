import path from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = path.dirname(new URL(import.meta.url).pathname);

/**
 * Architecture boundaries from shared/DESIGN.md, checked on every import:
 * - a feature never imports another feature (features/<a> -> features/<b>);
 * - only src/aws imports @aws-sdk/*;
 * - the dashboard never imports the emulator, except main.tsx starting the worker, and that
 *   only through the package's entries (@poolkeeper/cognito-emulator[/browser]);
 * - the emulator (mocks/, published as @poolkeeper/cognito-emulator) never imports the dashboard
 *   or the repository's tests: outside its tests, nothing from beyond mocks/;
 * - the emulator's model is plain TypeScript: no msw, no React, no Node built-ins.
 */
const PACKAGE = '@poolkeeper/cognito-emulator';
const boundaries = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = path.relative(root, context.filename);
    const resolve = (spec) => {
      if (spec.startsWith('@/')) return path.join('src', spec.slice(2));
      if (spec.startsWith('@mocks/')) return path.join('mocks', spec.slice(7));
      if (spec === PACKAGE || spec.startsWith(`${PACKAGE}/`)) return path.join('mocks', spec.slice(PACKAGE.length));
      if (spec.startsWith('.')) return path.join(path.dirname(file), spec);
      return null;
    };
    const check = (node) => {
      const spec = node.source && node.source.value;
      if (typeof spec !== 'string') return;
      const target = resolve(spec);
      const report = (message) => context.report({ node, message });
      const feature = /^src\/features\/([^/]+)\//.exec(file);
      if (feature && target) {
        const other = /^src\/features\/([^/]+)/.exec(target);
        if (other && other[1] !== feature[1]) report(`features do not import each other (${feature[1]} -> ${other[1]}); move shared code to src/components or src/lib`);
      }
      if (spec.startsWith('@aws-sdk/') && file.startsWith('src/') && !file.startsWith('src/aws/')) {
        report('only src/aws imports the AWS SDK; use its typed wrappers');
      }
      if (file.startsWith('src/') && target && target.startsWith('mocks')) {
        if (file !== 'src/main.tsx') report('the dashboard talks to the emulator only over the AWS wire protocol');
        else if (!spec.startsWith(PACKAGE)) report(`main.tsx starts the emulator through its package entries (${PACKAGE}/browser), like any other project`);
      }
      if (file.startsWith('mocks/') && !/\.test\.tsx?$/.test(file) && target && !target.startsWith('mocks')) {
        report(`the emulator package (${PACKAGE}) cannot import files outside mocks/: they are not in the published package`);
      }
      if (file.startsWith('mocks/model/') && (spec === 'msw' || spec.startsWith('msw/') || spec.startsWith('react') || spec.startsWith('node:'))) {
        report('the emulator model is plain TypeScript: no msw, React or Node built-ins');
      }
    };
    return { ImportDeclaration: check, ImportExpression: (node) => check({ ...node, source: node.source }) };
  },
};

export default tseslint.config(
  { ignores: ['dist', 'mocks/dist', 'node_modules', 'public/mockServiceWorker.js', 'coverage', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, local: { rules: { boundaries } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'local/boundaries': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['mocks/hosts/**', 'scripts/**', 'bench/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Playwright fixtures hand values on through a callback named `use`; it is not React's hook.
    files: ['tests/e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
);
