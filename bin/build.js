#!/usr/bin/env node
// Builds the pymemlab command (`npm run build`; `npm ci` runs it through `prepare`): an esbuild
// bundle of bin/cli.ts as ES module chunks in dist/. Each subcommand's module is a dynamic import()
// (bin/commands.ts), so it gets a chunk of its own, with the code it shares with others in shared
// chunks: a command reads, compiles and initialises only what it uses (`run` never loads the
// graders, Handlebars, ajv or dagre). esbuild, TypeScript and SES stay outside (a binary; loaded on
// use). The banner gives each chunk what bundled CommonJS code expects of Node: require,
// __filename and __dirname (dist/, from which core/kit-root.ts finds the kit).
const { rmSync } = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const outdir = path.join(__dirname, '..', 'dist');
rmSync(outdir, { recursive: true, force: true });
esbuild.buildSync({
  entryPoints: { pymemlab: path.join(__dirname, 'cli.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['esbuild', 'typescript', 'ses'],
  banner: {
    js: [
      "import { createRequire as __pymemlabCreateRequire } from 'module';",
      "import { fileURLToPath as __pymemlabFileURLToPath } from 'url';",
      'const require = __pymemlabCreateRequire(import.meta.url);',
      'const __filename = __pymemlabFileURLToPath(import.meta.url);',
      "const __dirname = __pymemlabFileURLToPath(new URL('.', import.meta.url));",
    ].join(' '),
  },
  logLevel: 'warning',
});
