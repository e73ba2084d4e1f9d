#!/usr/bin/env node
// Runs a TypeScript entry point without a build step: esbuild-register transpiles on require.
require('esbuild-register/dist/node').register({ target: 'node20' });
const path = require('path');
const entry = process.argv[2];
process.argv.splice(1, 1);
require(path.resolve(entry));
