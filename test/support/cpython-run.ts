// Runs a program on python3 (CPython 3.11) as the comparison tests do: from a file in a temporary
// directory, unbuffered (a block-buffered stdout makes CPython allocate one more list per print).
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { cpython311 } from './cpython311';

export interface CPythonRun {
  file: string;
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

let dir: string | null = null;

/** Write `source` to `<name>.py` in a temporary directory and run it on python3. */
export function runOnCPython(name: string, source: string): CPythonRun {
  dir ??= mkdtempSync(path.join(tmpdir(), 'pymemlab-run-'));
  const file = path.join(dir, `${name.replace(/\W+/g, '_')}.py`);
  writeFileSync(file, source);
  const r = spawnSync(cpython311!.executable, [file], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  return { file, stdout: r.stdout, stderr: r.stderr, exitCode: r.status };
}
