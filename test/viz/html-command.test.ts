/** `pymemlab run --html` as users run it: pages written, errors reported in one line. */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { ROOT } from './support';

const OUT = mkdtempSync(path.join(os.tmpdir(), 'pymemlab-html-'));

function pymemlab(...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'bin', 'pymemlab.js'), ...args], { encoding: 'utf8', cwd: ROOT });
}

const embedded = (html: string) =>
  JSON.parse(/<script type="application\/json" id="recording">([^<]*)<\/script>/.exec(html)![1]) as {
    steps: unknown[];
    stderr: string;
    truncated: unknown;
  };

test('run --html prints what run prints, exits as the program does, and writes the page', () => {
  const program = path.join(OUT, 'fails.py');
  writeFileSync(program, "x = [1, 2]\nprint('before')\nx.nothing()\n");
  const out = path.join(OUT, 'fails.html');
  const r = pymemlab('run', '--html', out, '--max-recorded-steps', '1', program);
  expect(r.stdout).toBe('before\n');
  expect(r.stderr).toContain("AttributeError: 'list' object has no attribute 'nothing'");
  expect(r.stderr).toContain('stopped at the cap; raise it with --max-recorded-steps');
  expect(r.status).toBe(1);
  const recording = embedded(readFileSync(out, 'utf8'));
  expect(recording.steps).toHaveLength(1);
  expect(recording.truncated).not.toBeNull();
  expect(recording.stderr).toContain('AttributeError');
});

test('a file that cannot be read or written ends in one line and exit status 2', () => {
  const missing = pymemlab('run', '--html', path.join(OUT, 'x.html'), path.join(OUT, 'missing.py'));
  expect(missing.stderr).toBe(`pymemlab: ${path.join(OUT, 'missing.py')}: cannot read (ENOENT)\n`);
  expect(missing.status).toBe(2);
  const program = path.join(OUT, 'ok.py');
  writeFileSync(program, 'print(1)\n');
  const unwritable = pymemlab('run', '--html', path.join(OUT, 'no-such-dir', 'x.html'), program);
  expect(unwritable.stderr).toContain(`pymemlab: ${path.join(OUT, 'no-such-dir', 'x.html')}: cannot write (ENOENT)\n`);
  expect(unwritable.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(unwritable.status).toBe(2);
  expect(existsSync(path.join(OUT, 'x.html'))).toBe(false);
});

test('a bad --max-recorded-steps is refused before anything runs', () => {
  const r = pymemlab(
    'run',
    '--html',
    path.join(OUT, 'y.html'),
    '--max-recorded-steps',
    'lots',
    'examples/programs/01_refcounts.py',
  );
  expect(r.stderr).toContain("option '--max-recorded-steps <n>' argument 'lots' is invalid");
  expect(r.stderr).toContain('expected a whole number from 1 to 1000000');
  expect(r.status).not.toBe(0);
  expect(existsSync(path.join(OUT, 'y.html'))).toBe(false);
});
