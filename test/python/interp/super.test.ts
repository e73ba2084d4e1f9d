// super() and the implicit __class__ cell, compared with python3 byte for byte; injected modelling
// mistakes are caught, and a lookup the simulator cannot answer is refused by name and line.
import { runProgram } from '../../../python/interp/run';
import { Runtime } from '../../../core/runtime';
import type { PyObject } from '../../../core/objects/pyobject';
import { SUPER_FAILING, SUPER_PROGRAMS } from './super-programs';
import { describeWithCPython } from '../../support/cpython311';
import { expectSameStdout, expectSameTraceback, runOnCPython } from '../../support/run-cpython';

const SIZES = 'a super object and the bound method its lookup makes: sizes, tracking, gc counts and refcounts';
const CELL =
  'the __class__ cell: the class it holds, what dies with the class, super() in a comprehension and outside a class';

/** The simulator's stdout for `name` with `inject` in force (undone after the run). */
function withMistake(name: string, file: string, inject: () => () => void): string {
  const undo = inject();
  try {
    return runProgram(SUPER_PROGRAMS[name], file).stdout;
  } finally {
    undo();
  }
}

describeWithCPython('super() compared with python3', () => {
  test.each(Object.entries(SUPER_PROGRAMS))('%s: stdout identical to python3', (name, source) => {
    expectSameStdout(name, source);
  });

  test.each(Object.entries(SUPER_FAILING))('%s: stdout, traceback and exit status as python3', (name, source) => {
    expectSameTraceback(name, source);
  });

  test('the comparison catches a super object the collector does not track', () => {
    const real = runOnCPython(SIZES, SUPER_PROGRAMS[SIZES]);
    const stdout = withMistake(SIZES, real.file, () => {
      const track = Runtime.prototype.track;
      const spy = jest.spyOn(Runtime.prototype, 'track').mockImplementation(function (this: Runtime, op: PyObject) {
        if (op.type.name !== 'super') track.call(this, op);
      });
      return () => spy.mockRestore();
    });
    expect(stdout).not.toBe(real.stdout);
  });

  test('the comparison catches a class cell left without its class', () => {
    const real = runOnCPython(CELL, SUPER_PROGRAMS[CELL]);
    const stdout = withMistake(CELL, real.file, () => {
      // The injected bug: type_new fills the cell with None instead of the new class.
      const newRef = Runtime.prototype.newRef;
      const spy = jest.spyOn(Runtime.prototype, 'newRef').mockImplementation(function (this: Runtime, op: PyObject) {
        const stack = new Error().stack ?? '';
        return newRef.call(this, stack.includes('setClassCell') ? this.None : op);
      });
      return () => spy.mockRestore();
    });
    expect(stdout).not.toBe(real.stdout);
  });
});

test('a lookup through super() reaching a built-in name the simulator does not model is refused by name and line', () => {
  const source = `class Point:
    def __init__(self, x):
        self.x = x
    def __str__(self):
        return 'Point ' + super().__format__('')
p = Point(1)
print('made', p.x)
print(str(p))
`;
  const run = runProgram(source, 'point.py');
  expect(run.stdout).toBe('made 1\n');
  expect(run.stderr).toBe(
    "point.py: line 5: lookups of '__format__' through super() in the class 'object' are not supported by pymemlab (supported: see docs/language.md)\n",
  );
  expect(run.exitCode).toBe(1);
});
