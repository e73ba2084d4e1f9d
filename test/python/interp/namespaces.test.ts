// globals() and locals() outside functions hand out the namespace dict itself (no allocation):
// stdout, gc counts and identity compared with python3; locals() in a function is refused in words.
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { runProgram } from '../../../python/interp/run';
import { cpython311, describeWithCPython } from '../../support/cpython311';

const SOURCE = `import gc
x = []
g = globals()
print(g is locals(), 'x' in g, g['x'] is x)
gc.collect()
print(gc.get_count())
g['y'] = 5
print(y)
def f():
    return globals()['x'] is x, globals() is g
print(f())
for i in range(3):
    globals()
    locals()
print(gc.get_count())
del g
gc.collect()
print(gc.get_count())
`;

describeWithCPython('globals() and locals() compared with python3', () => {
  test('stdout and exit status identical', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pymemlab-ns-')), 'ns.py');
    writeFileSync(file, SOURCE);
    const real = spawnSync(cpython311!.executable, [file], { encoding: 'utf8' });
    const sim = runProgram(SOURCE, file);
    expect(sim.stderr).toBe('');
    expect(sim.stdout).toBe(real.stdout);
    expect(sim.exitCode).toBe(real.status);
  });
});
