#!/usr/bin/env node
// The pymemlab command: runs the bundle `npm ci` builds (the `prepare` script, `npm run build`,
// bin/build.js), so that a command starts without compiling TypeScript. `npm test` rebuilds it first.
const path = require('path');

// The simulator recurses in JavaScript as the program recurses in Python: CPython's limit of 1000
// levels (frames and C-level re-entries such as __str__ from str()) needs a larger stack than V8's
// default 984 KB, so the command runs itself once with one (well inside Linux's 8 MiB main stack).
const STACK_KB = 4000;
if (!process.execArgv.some((arg) => arg.startsWith('--stack-size'))) {
  const { spawnSync } = require('child_process');
  const args = [...process.execArgv, `--stack-size=${STACK_KB}`, __filename, ...process.argv.slice(2)];
  const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (child.error) throw child.error;
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 1);
}

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
