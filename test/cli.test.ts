import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

import { cpython311, testWithCPython } from './support/cpython311';
import { assertFreshBundle, PYMEMLAB } from './support/bundle';
import { Command, Help } from 'commander';
import { COMMANDS, commandTerm } from '../bin/commands';

const BIN = PYMEMLAB;
beforeAll(assertFreshBundle);
const run = (...args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8' });

test('demo runs every bundled teaching program', () => {
  const out = execFileSync('node', [BIN, 'demo'], { encoding: 'utf8' });
  expect(out).toContain('=== 02_cycle.py: Two lists that refer to each other');
  expect(out).toContain('gc.collect() found 2 unreachable objects');
});

test('the heap-operation scenarios run without breaking an invariant', () => {
  const dir = path.join(__dirname, '..', 'examples', 'heap-ops');
  const files = ['01-refcounts', '02-cycle', '03-generations', '04-finalizers', '05-weakrefs'].map((f) =>
    path.join(dir, `${f}.json`),
  );
  const out = execFileSync('node', [BIN, 'scenario', ...files], { encoding: 'utf8' });
  expect(out).toContain('unreachable but alive (cyclic garbage)');
  expect(out).not.toContain('INVARIANT BROKEN');
});

test('run: a missing file and a bad --max-steps are clear errors with exit 2', () => {
  const missing = run('run', '/nonexistent/prog.py');
  expect(missing.status).toBe(2);
  expect(missing.stderr).toBe('pymemlab: /nonexistent/prog.py: cannot read (ENOENT)\n');
  const bad = run('run', '--max-steps', 'lots', path.join(__dirname, '..', 'examples', 'programs', '01_refcounts.py'));
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('--max-steps expects a whole number');
});

test('a bad scenario gets the file, the line and what was expected, exit 2, no stack trace', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pymemlab-'));
  const file = path.join(dir, 'bad.json');
  writeFileSync(
    file,
    '{\n "title": "t",\n "comment": "c",\n "steps": [\n  {"op": "alloc", "kind": "list", "into": "g0"},\n  {"op": "bind", "from": "x9", "into": "g1"}\n ]\n}\n',
  );
  const r = run('scenario', file);
  expect(r.status).toBe(2);
  expect(r.stderr).toBe(
    `pymemlab: ${file}:6: step 2: expected "from" to name a slot like "g0" (global) or "l1" (local), got "x9"\n`,
  );
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test('invalid JSON and a missing file are reported without a stack trace', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pymemlab-'));
  const file = path.join(dir, 'broken.json');
  writeFileSync(file, '{"title": "t",\n"steps": [\n');
  const broken = run('scenario', file);
  expect(broken.status).toBe(2);
  expect(broken.stderr).toMatch(
    new RegExp(`^pymemlab: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: not valid JSON`),
  );
  const missing = run('scenario', path.join(dir, 'nope.json'));
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('nope.json: cannot read (ENOENT)');
});

test('.ci/run fails at once when python3 is not CPython 3.11 (the comparisons would only be skipped)', () => {
  // A copy of the script in an empty checkout, and a PATH holding only dirname and a python3 that
  // is 3.10: the check must stop the run before it reaches npm (which is not even on that PATH).
  const root = mkdtempSync(path.join(tmpdir(), 'pymemlab-ci-'));
  mkdirSync(path.join(root, '.ci'));
  mkdirSync(path.join(root, 'bin'));
  copyFileSync(path.join(__dirname, '..', '.ci', 'run'), path.join(root, '.ci', 'run'));
  writeFileSync(path.join(root, 'bin', 'python3'), '#!/bin/sh\necho 3.10\n', { mode: 0o755 });
  symlinkSync(
    execFileSync('/bin/sh', ['-c', 'command -v dirname'], { encoding: 'utf8' }).trim(),
    path.join(root, 'bin', 'dirname'),
  );
  const ci = spawnSync('/bin/bash', [path.join(root, '.ci', 'run')], {
    encoding: 'utf8',
    env: { PATH: path.join(root, 'bin') },
  });
  expect(ci.stderr).toBe('.ci/run: CPython 3.11 must be installed as python3 on CI (python3 here: 3.10)\n');
  expect(ci.status).toBe(1);
});

testWithCPython('run: a source file that is not UTF-8 stops with what python3 prints, exit 1', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pymemlab-'));
  const file = path.join(dir, 'latin1.py');
  writeFileSync(file, Buffer.from('print("before")\nprint("caf\xe9")\n', 'latin1'));
  const sim = run('run', file);
  const real = spawnSync(cpython311!.executable, [file], { encoding: 'utf8' });
  expect(sim.stdout).toBe('');
  expect(sim.stderr).toBe(real.stderr);
  expect(sim.status).toBe(1);
  expect(real.status).toBe(1);
});

test('--help lists every command; a command named after help, or before --help, shows its own options', () => {
  const help = run('--help');
  expect(help.status).toBe(0);
  for (const { name, description } of COMMANDS)
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(`${commandTerm(name)} ${description}`);
  for (const args of [
    ['grade', '--help'],
    ['help', 'grade'],
  ]) {
    const grade = run(...args);
    expect(grade.status).toBe(0);
    expect(grade.stdout).toContain('Usage: pymemlab grade [options] <globs...>');
    expect(grade.stdout).toContain('--resume');
  }
  const unknown = run('grdae');
  expect(unknown.status).toBe(1);
  expect(unknown.stderr).toContain("error: unknown command 'grdae'");
  expect(unknown.stderr).toContain('(Did you mean grade?)');
});

test.each(COMMANDS.map((entry) => [entry.name, entry] as const))(
  "--help shows %s's usage from the table as its module declares it",
  async (_name, entry) => {
    const command = new Command(entry.name);
    (await entry.load())(command);
    expect(commandTerm(entry.name)).toBe(new Help().subcommandTerm(command));
  },
);

/**
 * The source files (as esbuild's `// path` comments name them) in the chunks a command loads
 * before it runs: dist/pymemlab.mjs, the command module's chunk, and what they import statically.
 * Dynamic imports (`import("./x.mjs")`) are not followed: they are what a command loads on use.
 */
function sourcesLoadedFor(commandModule: string | null): string[] {
  const dist = path.join(__dirname, '..', 'dist');
  const start = ['pymemlab.mjs'];
  if (commandModule !== null) start.push(readdirSync(dist).find((f) => f.startsWith(`${commandModule}-`))!);
  const seen = new Set<string>();
  const sources: string[] = [];
  const visit = (chunk: string) => {
    if (seen.has(chunk)) return;
    seen.add(chunk);
    const text = readFileSync(path.join(dist, chunk), 'utf8');
    for (const m of text.matchAll(/^\/\/ ((?:node_modules\/)?\S+\.[cm]?[jt]s)$/gm)) sources.push(m[1]);
    for (const m of text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.mjs)"/g)) visit(m[1]);
  };
  start.forEach(visit);
  return sources;
}

const HEAVY =
  /^(graders|exercises|viz|fidelity)\/|^node_modules\/(ajv|handlebars|@dagrejs|fast-check|xmlbuilder2|chokidar)\//;

test('the bundle keeps each command lazy: run and --help load none of the graders, exercises, viz or their packages', () => {
  const entry = sourcesLoadedFor(null);
  expect(entry).toContain('bin/cli.ts');
  expect(entry.filter((s) => !/^(bin\/|node_modules\/commander\/)/.test(s))).toEqual([]);
  const runSources = sourcesLoadedFor('run-command');
  expect(runSources).toContain('python/interp/interpreter.ts');
  expect(runSources.filter((s) => HEAVY.test(s) || s.startsWith('node_modules/glob/'))).toEqual([]);
  // The checker sees a command that does load them.
  expect(sourcesLoadedFor('grade-command').filter((s) => HEAVY.test(s)).length).toBeGreaterThan(0);
});
