// Shared by the fidelity tests: the python3 oracle (or null), and fake simulators built on it.
import type { RunResult } from '../../python/interp/types';
import type { PythonInfo } from '../../fidelity/cpython';
import { findPython, PythonNotFoundError, runOnCPythonSync } from '../../fidelity/cpython';
import type { Simulator } from '../../fidelity/compare';
import type { Expr, Module, Node, Stmt } from '../../python/lang';

let cached: PythonInfo | null | undefined;

/** CPython 3.11 if it can be run here, else null (the tests that need it are skipped visibly). */
export function python311(): PythonInfo | null {
  if (cached === undefined) {
    try {
      cached = findPython('python3', '3.11');
    } catch (e) {
      if (!(e instanceof PythonNotFoundError)) throw e;
      cached = null;
    }
  }
  return cached;
}

/** A "simulator" that runs python3 on a rewritten program and may then spoil the output. */
export function pythonSimulator(
  python: PythonInfo,
  spoil: { source?: (s: string) => string; stdout?: (s: string) => string; exitCode?: (c: number) => number } = {},
): Simulator {
  return (source: string, filename: string): RunResult => {
    const r = runOnCPythonSync(python, spoil.source ? spoil.source(source) : source, { filename });
    const exitCode = r.exitCode ?? 1;
    return {
      stdout: spoil.stdout ? spoil.stdout(r.stdout) : r.stdout,
      stderr: r.stderr,
      exitCode: spoil.exitCode ? spoil.exitCode(exitCode) : exitCode,
    };
  };
}

/** Every node of a tree, depth first. */
export function nodes(root: Module | Stmt | Expr): Node[] {
  const out: Node[] = [];
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(visit);
    else if (x && typeof x === 'object' && 'kind' in x) {
      out.push(x as Node);
      for (const v of Object.values(x)) if (v && typeof v === 'object') visit(v);
    }
  };
  visit(root);
  return out;
}
