// weakref's containers and ctypes.Structure, compared with python3 byte for byte.
import { runProgram } from '../../../python/interp/run';
import { WEAK_CONTAINER_PROGRAMS } from './weak-container-programs';
import { describeWithCPython } from '../../support/cpython311';
import { expectSameStdout } from '../../support/run-cpython';

describeWithCPython('weak containers and ctypes.Structure compared with python3', () => {
  test.each(Object.entries(WEAK_CONTAINER_PROGRAMS))('%s: stdout identical to python3', (name, source) => {
    expectSameStdout(name, source);
  });
});

test('a Structure field that is not a c_long is refused in words, not a stack trace', () => {
  const sim = runProgram(
    'import ctypes\nclass P(ctypes.Structure):\n    _fields_ = [("x", ctypes.py_object)]\nprint(P.from_address(id(P)).x)\n',
    'p.py',
  );
  expect(sim.exitCode).toBe(1);
  expect(sim.stderr.trimEnd().split('\n').pop()).toBe(
    'TypeError: pymemlab models Structure fields of ctypes.c_long only',
  );
});
