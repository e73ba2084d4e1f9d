#!/usr/bin/env node
// The pymemlab command: runs the bundle `npm ci` builds (the `prepare` script, `npm run build`,
// bin/build.js), so that a command starts without compiling TypeScript. `npm test` rebuilds it first.
const path = require('path');

const { pathToFileURL } = require('url');
const bundle = path.join(__dirname, '..', 'dist', 'pymemlab.mjs');
import(pathToFileURL(bundle).href).then(
  (cli) => cli.main(process.argv),
  (error) => {
    if (error.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(bundle)) throw error;
    process.stderr.write(`pymemlab: ${bundle} is missing: run "npm ci" or "npm run build" first\n`);
    process.exit(2);
  },
);
