// Runs every program in cases.ts through the real CPython (one python3 process for all of them)
// and checks that the front end agrees: same error kind, message and position, same stderr
// rendering, and for valid programs the same AST node positions. Skipped without python3.

import { execFileSync } from 'child_process';
import { join } from 'path';
import { formatSyntaxError, parse, PySyntaxError, UnsupportedConstruct } from '../../../python/lang';
import type { Module, Node } from '../../../python/lang';
import {
  MORE_SYNTAX_ERRORS,
  ROUNDTRIP_SNIPPETS,
  SYNTAX_ERROR_CASES,
  TEACHING_PROGRAMS,
  UNSUPPORTED_CASES,
} from './cases';
import { cpython311, describeWithCPython } from '../../support/cpython311';

interface OracleError {
  kind: string;
  msg: string;
  lineno: number;
  offset: number;
  endLineno: number;
  endOffset: number;
  text: string | null;
  stderr: string;
}
type OracleResult = { error: OracleError } | { ast: PyNode };
type PyNode = { [field: string]: unknown; _type: string };

const errorSources = [...SYNTAX_ERROR_CASES.map((c) => c.source), ...MORE_SYNTAX_ERRORS];
const subsetSources = [...Object.values(TEACHING_PROGRAMS), ...ROUNDTRIP_SNIPPETS];
const unsupportedSources = UNSUPPORTED_CASES.map((c) => c.source);
const allSources = [...errorSources, ...subsetSources, ...unsupportedSources];

const label = (source: string): string => JSON.stringify(source.length > 60 ? `${source.slice(0, 60)}...` : source);

describeWithCPython('agreement with CPython 3.11 (python3 on PATH)', () => {
  let results: OracleResult[] = [];
  beforeAll(() => {
    const oracle = join(__dirname, 'cpython_oracle.py');
    const out = execFileSync(cpython311!.executable, [oracle], {
      input: JSON.stringify(allSources),
      maxBuffer: 1 << 28,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    results = JSON.parse(out.toString()) as OracleResult[];
  });
  const resultFor = (source: string): OracleResult => results[allSources.indexOf(source)];

  test.each(errorSources.map((s) => [label(s), s]))('rejected like CPython: %s', (_, source) => {
    const want = resultFor(source);
    if (!('error' in want)) throw new Error('CPython accepts this program');
    let got: PySyntaxError | undefined;
    try {
      parse(source, 'f.py');
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      got = e;
    }
    if (!got) throw new Error('parse accepted a program CPython rejects');
    const { stderr, ...fields } = want.error;
    expect({
      kind: got.kind,
      msg: got.msg,
      lineno: got.lineno,
      offset: got.offset,
      endLineno: got.endLineno,
      endOffset: got.endOffset,
      text: got.text,
    }).toEqual(fields);
    expect(formatSyntaxError(got, 'f.py')).toBe(stderr);
  });

  test.each(unsupportedSources.map((s) => [label(s), s]))(
    'accepted by CPython, refused as unsupported: %s',
    (_, source) => {
      expect('ast' in resultFor(source)).toBe(true);
      expect(() => parse(source, 'f.py')).toThrow(UnsupportedConstruct);
    },
  );

  test.each(subsetSources.map((s) => [label(s), s]))('same node positions as ast.parse: %s', (_, source) => {
    const want = resultFor(source);
    if (!('ast' in want)) throw new Error(`CPython rejects this program: ${want.error.msg}`);
    expect(ourPositions(parse(source, 'f.py'))).toEqual(pythonPositions(want.ast));
  });
});

type Position = [string, number, number, number, number];

/** Python-side nodes with positions, depth first in field order (aliases have no counterpart). */
function pythonPositions(node: unknown, out: Position[] = []): Position[] {
  if (Array.isArray(node)) {
    for (const item of node) pythonPositions(item, out);
  } else if (node !== null && typeof node === 'object' && '_type' in node) {
    const n = node as PyNode;
    if (n._type === 'alias') return out;
    if (typeof n.lineno === 'number')
      out.push([n._type, n.lineno, n.col_offset as number, n.end_lineno as number, n.end_col_offset as number]);
    for (const [field, value] of Object.entries(n)) if (field !== '_type') pythonPositions(value, out);
  }
  return out;
}

/** Our nodes in the same order: each kind's fields in Python's field order. */
function ourPositions(node: Node | Module, out: Position[] = []): Position[] {
  if (node.kind !== 'Module') out.push([node.kind, node.lineno, node.col, node.endLineno, node.endCol]);
  const visit = (...children: (Node | null)[]): void => {
    for (const child of children) if (child) ourPositions(child, out);
  };
  switch (node.kind) {
    case 'Module':
      return (visit(...node.body), out);
    case 'FunctionDef':
      return (
        visit(
          ...node.args.flatMap((a, i) => [a, node.argAnnotations[i]]),
          ...node.defaults,
          ...node.body,
          node.returns,
        ),
        out
      );
    case 'ClassDef':
      return (visit(...node.bases, ...node.body), out);
    case 'Return':
      return (visit(node.value), out);
    case 'Delete':
      return (visit(...node.targets), out);
    case 'Assign':
      return (visit(...node.targets, node.value), out);
    case 'AugAssign':
      return (visit(node.target, node.value), out);
    case 'AnnAssign':
      return (visit(node.target, node.annotation, node.value), out);
    case 'For':
      return (visit(node.target, node.iter, ...node.body, ...(node.orelse ?? [])), out);
    case 'While':
      return (visit(node.test, ...node.body, ...(node.orelse ?? [])), out);
    case 'Try':
      return (visit(...node.body, ...node.handlers, ...node.orelse, ...node.finalbody), out);
    case 'ExceptHandler':
      return (visit(node.type, ...node.body), out);
    case 'Raise':
      return (visit(node.exc, node.cause), out);
    case 'Assert':
      return (visit(node.test, node.msg), out);
    case 'If':
      return (visit(node.test, ...node.body, ...node.orelse), out);
    case 'Expr':
      return (visit(node.value), out);
    case 'BoolOp':
      return (visit(...node.values), out);
    case 'BinOp':
      return (visit(node.left, node.right), out);
    case 'UnaryOp':
      return (visit(node.operand), out);
    case 'IfExp':
      return (visit(node.test, node.body, node.orelse), out);
    case 'Dict':
      return (visit(...node.keys, ...node.values), out);
    case 'Set':
    case 'List':
    case 'Tuple':
      return (visit(...node.elts), out);
    case 'Compare':
      return (visit(node.left, ...node.comparators), out);
    case 'Call':
      return (visit(node.func, ...node.args, ...node.keywords), out);
    case 'keyword':
    case 'Attribute':
      return (visit(node.value), out);
    case 'Subscript':
      return (visit(node.value, node.slice), out);
    case 'Slice':
      return (visit(node.lower, node.upper, node.step), out);
    case 'JoinedStr':
      return (visit(...node.values), out);
    case 'FormattedValue':
      return (visit(node.value, ...(node.formatSpec ? [node.formatSpec] : [])), out);
    default:
      return out;
  }
}
