// The exception arbitraries (fidelity/exceptions.ts) find a mistake in exception handling: generated
// try statements (handlers printing the exception, its args, `sys.getrefcount(err)`, keeping it;
// else and finally blocks that collect) agree with python3 on the simulator, and disagree once the
// handling state holds the exception without a reference of its own.
import fc from 'fast-check';
import { tryStmt } from '../../fidelity/exceptions';
import { programSource } from '../../fidelity/programs';
import { runOnCPythonSync } from '../../fidelity/cpython';
import { runProgram } from '../../python/interp/run';
import { Handlers, type HandlerHost } from '../../python/interp/handlers';
import type { PyObject } from '../../core/objects/pyobject';
import { cpython311 as python, describeWithCPython } from '../support/cpython311';

describeWithCPython('generated try statements against python3', () => {
  test('agree on the simulator, and disagree when PUSH_EXC_INFO takes no reference', () => {
    // Forty try statements from the arbitrary (around an empty body) after the usual prelude.
    const body = fc.sample(tryStmt(fc.constant([])), { numRuns: 40, seed: 5 }).flat();
    const source = programSource(body);
    expect(source).toContain('sys.getrefcount(err)');
    const real = runOnCPythonSync(python!, source);
    expect(real.stdout).toMatch(/^refs 3$/m);
    expect(runProgram(source, 'prog.py').stdout).toBe(real.stdout);
    type Enter = { enter(this: { host: HandlerHost }, value: PyObject): PyObject | null };
    const enter = jest.spyOn(Handlers.prototype as unknown as Enter, 'enter');
    // The exception becomes the one handled without a reference of its own.
    enter.mockImplementation(function (this: { host: HandlerHost }, value: PyObject) {
      const previous = this.host.handling;
      this.host.handling = value;
      this.host.rt.incref(value);
      this.host.rt.decref(value);
      return previous;
    });
    try {
      // The program prints another refcount, or the simulator finds the exception freed too early.
      let observed: string;
      try {
        observed = runProgram(source, 'prog.py').stdout;
      } catch (error) {
        observed = String(error);
      }
      expect(observed).not.toBe(real.stdout);
    } finally {
      enter.mockRestore();
    }
  });
});
