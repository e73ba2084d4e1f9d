// Shared by the fidelity tests: fake simulators built on the python3 oracle.
import type { RunResult } from '../../python/interp/types';
import type { PythonInfo } from '../../fidelity/cpython';
import { runOnCPythonSync } from '../../fidelity/cpython';
import type { Simulator } from '../../fidelity/compare';
import type { Expr, Module, Node, Stmt } from '../../python/lang';

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
