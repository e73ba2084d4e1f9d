#!/usr/bin/env node
// The pymemlab command: runs the bundle `npm ci` builds (the `prepare` script, `npm run build`), so
// that a command starts without compiling TypeScript. `npm test` rebuilds it first.
const path = require('path');
const bundle = path.join(__dirname, '..', 'dist', 'pymemlab.js');
let cli;
try {
  cli = require(bundle);
} catch (error) {
  if (error.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes(bundle)) throw error;
  process.stderr.write(`pymemlab: ${bundle} is missing: run "npm ci" or "npm run build" first\n`);
  process.exit(2);
}
cli.main(process.argv);
