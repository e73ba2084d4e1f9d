// Lint: the allowed import directions (docs/architecture.md) and a few habits, enforced in CI.
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

// Each folder may import only the folders listed after it (docs/architecture.md draws this).
// Anything not listed is forbidden: core/ imports nothing outside itself.
const LAYERS = {
  core: [],
  python: ['core'],
  fidelity: ['core', 'python'],
  viz: ['core', 'python'],
  exercises: ['core'],
  graders: ['core', 'python', 'fidelity', 'viz', 'exercises', 'templates'],
  bin: ['core', 'python', 'fidelity', 'viz', 'exercises', 'graders'],
  bench: ['core', 'python', 'fidelity', 'exercises', 'graders', 'bin'],
};
const FOLDERS = [...Object.keys(LAYERS), 'test', 'templates'];

const zones = Object.entries(LAYERS).flatMap(([target, allowed]) =>
  FOLDERS.filter((f) => f !== target && !allowed.includes(f)).map((from) => ({
    target: `./${target}`,
    from: `./${from}`,
    message: `${target}/ may import only ${allowed.length ? allowed.map((a) => a + '/').join(', ') : 'itself'} (docs/architecture.md).`,
  })),
);

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'coverage/**',
      'reports/**',
      'out/**',
      'scratch/**',
      'test/graders/corpus/**',
      'test/graders/corpus-kit/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { 'import-x': importX, '@typescript-eslint': tseslint.plugin },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
);
