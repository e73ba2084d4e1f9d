/**
 * The student workflow end to end, as a new user follows it: init a workspace, see exercise 1 fail
 * with a counterexample that shows the bug, replay it, fix it, see it pass, move on in watch mode.
 */
import { spawn, spawnSync } from 'child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { BIN, SUBMISSIONS, tempDir } from './helpers';

const pymemlab = (cwd: string, ...args: string[]) => spawnSync('node', [BIN, ...args], { cwd, encoding: 'utf8' });

function newWorkspace(): string {
  const dir = path.join(tempDir(), 'ws');
  const init = pymemlab(path.dirname(dir), 'init', dir);
  expect(init.status).toBe(0);
  return dir;
}

test('init makes a workspace with starters and READMEs, no reference solution, and types that resolve', () => {
  const ws = newWorkspace();
  expect(existsSync(path.join(ws, '01-reference-counting', 'README.md'))).toBe(true);
  const starter = readFileSync(path.join(ws, '01-reference-counting', 'refcounting.ts'), 'utf8');
  expect(starter).toContain('// TODO');
  expect(existsSync(path.join(ws, '01-reference-counting', 'adapter.ts'))).toBe(false);
  const tsconfig = JSON.parse(readFileSync(path.join(ws, 'tsconfig.json'), 'utf8'));
  expect(tsconfig.compilerOptions.paths['pymemlab/exercises/*'][0]).toContain(path.join('exercises', '*'));
  // The editor's view: tsc on the workspace resolves the API module (no install needed).
  const tsc = spawnSync('node', [require.resolve('typescript/bin/tsc'), '-p', ws], { encoding: 'utf8' });
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(pymemlab(path.dirname(ws), 'init', ws).stderr).toContain('exists and is not empty');
});

test('check on a starter: name, meaning, numbered steps, expected vs observed, the heap, a replay command', () => {
  const ws = newWorkspace();
  const list = pymemlab(ws, 'list');
  expect(list.stdout).toMatch(/> 01-reference-counting\s+not started/);
  expect(list.stdout).toContain('0/');
  const check = pymemlab(ws, 'check', '01');
  expect(check.status).toBe(1);
  expect(check.stdout).toContain('FAIL  refcounting: Py_INCREF/Py_DECREF keep every refcount');
  expect(check.stdout).toMatch(/counterexample \(shrunk to \d+ steps?\):\n\s+1\. /);
  expect(check.stdout).toContain('expected:');
  expect(check.stdout).toContain('observed:');
  expect(check.stdout).toContain('heap after step');
  const replay = /replay: pymemlab (check .*)/.exec(check.stdout)![1].split(' ');
  const again = pymemlab(ws, ...replay);
  // Determinism: the replay shows the same counterexample and verdict.
  const block = (out: string) => out.slice(out.indexOf('counterexample'), out.indexOf('replay:'));
  const first = check.stdout;
  expect(block(again.stdout)).toBe(block(first));
  expect(pymemlab(ws, 'list').stdout).toMatch(/01-reference-counting\s+failing/);
});

test('compile errors are shown as TypeScript reports them, with file, line and column', () => {
  const ws = newWorkspace();
  const file = path.join(ws, '01-reference-counting', 'refcounting.ts');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('void op;\n  },', "void op;\n    const n: number = 'one';\n  },"),
  );
  const check = pymemlab(ws, 'check', '1');
  expect(check.status).toBe(1);
  expect(check.stdout).toMatch(
    /01-reference-counting\/refcounting\.ts:\d+:\d+: error: Type 'string' is not assignable to type 'number'/,
  );
});

test('hint gives the hints one after another; unknown exercises and checks are clear errors', () => {
  const ws = newWorkspace();
  expect(pymemlab(ws, 'hint', '01').stdout).toContain('hint 1 of');
  expect(pymemlab(ws, 'hint', '01').stdout).toContain('hint 2 of');
  const bad = pymemlab(ws, 'check', '42');
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/^pymemlab: no exercise "42"/);
  expect(pymemlab(ws, 'check', '01', '--only', 'nope').stderr).toContain('has no check "nope"');
  expect(pymemlab(tempDir(), 'list').stderr).toContain('not inside a pymemlab workspace');
});

test('watch re-checks on save and moves on when the exercise passes (plain output off a terminal)', async () => {
  const ws = newWorkspace();
  const child = spawn('node', [BIN, 'watch'], { cwd: ws, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  const waitFor = async (text: string) => {
    for (let i = 0; i < 600 && !output.includes(text); i++) await new Promise((r) => setTimeout(r, 50));
    expect(output).toContain(text);
  };
  try {
    await waitFor('watching for changes');
    expect(output).toContain('FAIL  refcounting');
    copyFileSync(
      path.join(SUBMISSIONS, 'correct', '01-reference-counting', 'refcounting.ts'),
      path.join(ws, '01-reference-counting', 'refcounting.ts'),
    );
    await waitFor('Moving on to');
    expect(output).toContain('01-reference-counting: 2/2 checks pass -- done!');
  } finally {
    child.kill();
  }
  expect(pymemlab(ws, 'list').stdout).toMatch(/01-reference-counting\s+done/);
});

test('run --impl runs a program on the student components', () => {
  const program = path.join(__dirname, '..', '..', 'examples', 'programs', '02_cycle.py');
  const reference = pymemlab(tempDir(), 'run', program);
  const mine = pymemlab(tempDir(), 'run', '--impl', path.join(SUBMISSIONS, 'correct'), program);
  expect(mine.stderr).toContain(
    'your components: 01-reference-counting, 02-deallocation, 04-finding-garbage, 05-generations, 06-finalizers-and-weakrefs',
  );
  expect(mine.stdout).toBe(reference.stdout);
  const buggy = pymemlab(tempDir(), 'run', '--impl', path.join(SUBMISSIONS, 'bug-gc-refs-off-by-one'), program);
  expect(buggy.stdout).not.toBe(reference.stdout);
});
