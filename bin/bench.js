#!/usr/bin/env node
// Runs the benchmarks (`npm run bench`) from an esbuild bundle of bench/index.ts, as the command
// itself runs from one: bundled, a call into another module is a direct call in one scope, while
// code transpiled file by file (bin/run-ts.js) reaches every imported function through a module
// object, which costs the simulator's hot loops (gc, pymalloc) up to a third of their speed.
// __dirname is the bench folder in every bundled module: the benchmarks and core/kit-root.ts
// find the kit's files from it.
const { spawnSync } = require('child_process');
const path = require('path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const outfile = path.join(root, 'node_modules', '.cache', 'pymemlab-bench', 'bench.cjs');
esbuild.buildSync({
  entryPoints: [path.join(root, 'bench', 'index.ts')],
  outfile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['esbuild', 'typescript', 'ses'],
  define: {
    __dirname: JSON.stringify(path.join(root, 'bench')),
    __filename: JSON.stringify(path.join(root, 'bench', 'index.ts')),
  },
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--max-old-space-size=8192', outfile, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
