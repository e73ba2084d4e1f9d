#!/usr/bin/env node
// The pymemlab command. TypeScript sources run directly (esbuild-register), no build step.
require('esbuild-register/dist/node').register({ target: 'node20' });
require('./cli.ts').main(process.argv);
