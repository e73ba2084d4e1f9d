// isinstance and issubclass with tuples as classinfo, compared with python3 byte for byte.
import { runProgram } from '../../../python/interp/run';
import { Runtime } from '../../../core/runtime';
import { CLASSINFO_FAILING, CLASSINFO_PROGRAMS } from './classinfo-programs';
import { describeWithCPython } from '../../support/cpython311';
import { expectSameStdout, expectSameTraceback, runOnCPython } from '../../support/run-cpython';

describeWithCPython('isinstance and issubclass with tuples compared with python3', () => {
  test.each(Object.entries(CLASSINFO_PROGRAMS))('%s: stdout identical to python3', (name, source) => {
    expectSameStdout(name, source);
  });

  test.each(Object.entries(CLASSINFO_FAILING))('%s: stdout, traceback and exit status as python3', (name, source) => {
    expectSameTraceback(name, source);
  });

  test('the comparison catches tuples that cost no recursion level', () => {
    const name = 'each nested tuple is one recursion level';
    const real = runOnCPython(name, CLASSINFO_PROGRAMS[name]);
    // The injected bug: entering a level never reaches the limit (it still counts, to be left).
    const spy = jest.spyOn(Runtime.prototype, 'enterRecursiveCall').mockImplementation(function (this: Runtime) {
      this.recursionDepth++;
    });
    try {
      expect(runProgram(CLASSINFO_PROGRAMS[name], real.file).stdout).not.toBe(real.stdout);
    } finally {
      spy.mockRestore();
    }
  });
});
