// The fidelity tool (issue 3): random programs of the subset, run on CPython 3.11 and on the
// simulator, compared byte for byte; the first disagreement shrunk to a minimal program.
export { programArb, programSource, statementCount, PRELUDE } from './programs';
export type { FidelityProgram, ProgramOptions } from './programs';
export { findPython, runOnCPython, runOnCPythonSync, pythonEnv, PythonNotFoundError } from './cpython';
export type { PythonInfo, CPythonResult, CPythonBatch, CPythonBatchOptions } from './cpython';
export { runFidelity, shrinkProgram, generatePrograms, verdict } from './compare';
export { firstDifferentLine } from './lines';
export type { Simulator, FidelityOptions, FidelityReport, Disagreement, Outcome, ProgressEvent } from './compare';
export { diffLines } from './diff';
