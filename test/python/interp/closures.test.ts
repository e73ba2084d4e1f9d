// Closures: the comparisons of funcs/closures-*.py with python3 must catch a wrong model of cells,
// and what the evaluator does not model is refused naming the construct and its line.
import { readFileSync } from 'fs';
import path from 'path';
import * as cells from '../../../core/objects/cellobject';
import type { PyObject } from '../../../core/objects/pyobject';
import type { Runtime } from '../../../core/runtime';
import { runProgram } from '../../../python/interp/run';
import { describeWithCPython } from '../../support/cpython311';
import { runOnCPython } from '../../support/run-cpython';

function program(name: string): string {
  return readFileSync(path.join(__dirname, 'funcs', name), 'utf8');
}

/** The program's stdout on the simulator with `mutate` installed (restored after), next to python3's. */
function outputs(name: string, mutate: () => jest.SpyInstance): { mutated: string; real: string; restored: string } {
  const source = program(name);
  const real = runOnCPython(name, source);
  const spy = mutate();
  let mutated: string;
  try {
    mutated = runProgram(source, real.file).stdout;
  } finally {
    spy.mockRestore();
  }
  return { mutated, real: real.stdout, restored: runProgram(source, real.file).stdout };
}

describeWithCPython('the closure programs catch a wrong model of cells', () => {
  test('cells the collector does not track (as if PyCell_New skipped _PyObject_GC_TRACK)', () => {
    const newCell = cells.newCell;
    const { mutated, real, restored } = outputs('closures-cycles-gc.py', () =>
      jest.spyOn(cells, 'newCell').mockImplementation((rt: Runtime, contents: PyObject | null) => {
        const cell = newCell(rt, contents);
        rt.untrack(cell);
        return cell;
      }),
    );
    expect(mutated).not.toBe(real);
    expect(restored).toBe(real);
  });

  test('a store into a cell that keeps the old contents alive (STORE_DEREF without Py_XDECREF)', () => {
    const { mutated, real, restored } = outputs('closures-keep-alive.py', () =>
      jest.spyOn(cells, 'cellSet').mockImplementation((_rt: Runtime, cell: PyObject, contents: PyObject | null) => {
        cell.refs![cells.CELL_CONTENTS] = contents;
      }),
    );
    expect(mutated).not.toBe(real);
    expect(restored).toBe(real);
  });
});

test('a class body using a variable of the enclosing function is refused, naming it and its line', () => {
  const r = runProgram('def f():\n    x = 1\n    class C:\n        y = x\n    return C\nf()\n', 'cls.py');
  expect(r.exitCode).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('line 4');
  expect(r.stderr).toContain('class bodies using variables of the enclosing function');
});

test('a lambda takes every parameter kind a def takes', () => {
  const r = runProgram('f = lambda *xs, k=0, **kw: (xs, k, kw)\nprint(f(1, 2, k=3, z=4))\n', 'lam.py');
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe("((1, 2), 3, {'z': 4})\n");
});
