/**
 * What CPython's compiler decides about a generator's frame that shows in `sys.getsizeof`: whether
 * a body contains `yield` (CO_GENERATOR), and co_stacksize, the deepest the value stack gets
 * (compile.c's stackdepth over the bytecode, computed here over the AST with the depths 3.11's
 * instructions push: a call's NULL or method slot, a loop's iterator, a chained comparison's copy).
 */
import type * as A from '../lang/ast';

/** Does the block yield (outside nested functions and classes, which are code objects of their own)? */
export function blockHasYield(body: readonly A.Stmt[]): boolean {
  return body.some(stmtHasYield);
}

function stmtHasYield(s: A.Stmt): boolean {
  switch (s.kind) {
    case 'FunctionDef':
    case 'ClassDef':
      return false;
    case 'Expr':
    case 'Assign':
    case 'Return':
      return s.value !== null && exprHasYield(s.value);
    case 'For':
    case 'While':
      return blockHasYield(s.body);
    case 'If':
      return blockHasYield(s.body) || blockHasYield(s.orelse);
    default:
      return false;
  }
}

/** A yield in an expression (the subset allows it only as a statement or an assignment's value). */
function exprHasYield(e: A.Expr): boolean {
  return e.kind === 'Yield';
}

/** co_stacksize of a generator's body: at least 1 (RETURN_GENERATOR's value, popped at once). */
export function blockStackDepth(body: readonly A.Stmt[]): number {
  return Math.max(1, ...body.map(stmtDepth));
}

function stmtDepth(s: A.Stmt): number {
  switch (s.kind) {
    case 'Expr':
      return exprDepth(s.value);
    case 'Return':
      return s.value === null ? 1 : exprDepth(s.value);
    case 'Assign':
      return Math.max(exprDepth(s.value), ...s.targets.map((t, i) => i + storeDepth(t)));
    case 'AugAssign':
      return 1 + Math.max(storeDepth(s.target), exprDepth(s.value));
    case 'Delete':
      return Math.max(0, ...s.targets.map(storeDepth));
    case 'For':
      // the iterator stays below the item and everything the body pushes
      return Math.max(exprDepth(s.iter), 1 + storeDepth(s.target), 1 + blockStackDepth(s.body));
    case 'While':
      return Math.max(exprDepth(s.test), blockStackDepth(s.body));
    case 'If':
      return Math.max(exprDepth(s.test), blockStackDepth(s.body), blockStackDepth(s.orelse));
    case 'FunctionDef':
    case 'ClassDef': {
      // the decorators' values stay below the definition (each may need more to evaluate)
      const decorators = s.decorators ?? [];
      return Math.max(2 + decorators.length, ...decorators.map((d, i) => i + exprDepth(d)));
    }
    case 'Raise':
      return Math.max(s.exc === null ? 0 : exprDepth(s.exc), s.cause === null ? 0 : 1 + exprDepth(s.cause));
    case 'Assert':
      return Math.max(exprDepth(s.test), s.msg === null ? 2 : 1 + exprDepth(s.msg));
    case 'Try':
      // a handler runs above the previous exception and the caught one (PUSH_EXC_INFO), and its
      // cleanup copies the lasti below them (COPY 3)
      return Math.max(
        blockStackDepth(s.body),
        blockStackDepth(s.orelse),
        ...s.handlers.map((h) => 3 + Math.max(h.type === null ? 0 : exprDepth(h.type), blockStackDepth(h.body))),
        s.finalbody.length === 0 ? 0 : 1 + blockStackDepth(s.finalbody),
      );
    default:
      return 0;
  }
}

/** The depth a store into `t` needs above the value: an unpacked tuple's items, an object, a key. */
function storeDepth(t: A.Expr): number {
  switch (t.kind) {
    case 'Tuple':
    case 'List':
      return Math.max(t.elts.length, ...t.elts.map((x, i) => t.elts.length - 1 - i + storeDepth(x)));
    case 'Attribute':
      return 1 + exprDepth(t.value);
    case 'Subscript':
      return 1 + Math.max(exprDepth(t.value), 1 + exprDepth(t.slice));
    default:
      return 1;
  }
}

/** The deepest the stack gets while evaluating `e`, counting its own result. */
function exprDepth(e: A.Expr): number {
  switch (e.kind) {
    case 'Constant':
    case 'Name':
      return 1;
    case 'Attribute':
      return exprDepth(e.value);
    case 'Subscript':
      return Math.max(exprDepth(e.value), 1 + exprDepth(e.slice));
    case 'BinOp':
      return Math.max(exprDepth(e.left), 1 + exprDepth(e.right));
    case 'UnaryOp':
      return exprDepth(e.operand);
    case 'BoolOp':
      return Math.max(...e.values.map(exprDepth));
    case 'IfExp':
      return Math.max(exprDepth(e.test), exprDepth(e.body), exprDepth(e.orelse));
    case 'Compare':
      // a link of a chain keeps a copy of its right operand for the next link (SWAP, COPY)
      return Math.max(
        exprDepth(e.left),
        ...e.comparators.map((c, i) =>
          i < e.comparators.length - 1 ? Math.max(3, 1 + exprDepth(c)) : 1 + exprDepth(c),
        ),
      );
    case 'Tuple':
    case 'List':
    case 'Set':
      return Math.max(1, ...e.elts.map((x, i) => i + exprDepth(x)));
    case 'Dict':
      return Math.max(1, ...e.keys.map((k, i) => Math.max(2 * i + exprDepth(k), 2 * i + 1 + exprDepth(e.values[i]))));
    case 'Call': {
      // PUSH_NULL + the function, or LOAD_METHOD's two slots; then the arguments above them
      const callee = e.func.kind === 'Attribute' ? exprDepth(e.func.value) : 1 + exprDepth(e.func);
      const args = [...e.args, ...e.keywords.map((k) => k.value)];
      return Math.max(2, callee, ...args.map((a, i) => 2 + i + exprDepth(a)));
    }
    case 'Yield':
      return e.value === null ? 1 : exprDepth(e.value);
    case 'Starred':
      return exprDepth(e.value);
    case 'Slice':
      // BUILD_SLICE: each present part (a missing one is a None constant) above the previous
      return Math.max(...[e.lower, e.upper, e.step].map((part, i) => i + (part === null ? 1 : exprDepth(part))));
    case 'JoinedStr':
      // each piece stays on the stack until BUILD_STRING
      return Math.max(1, ...e.values.map((v, i) => i + exprDepth(v)));
    case 'FormattedValue':
      return Math.max(exprDepth(e.value), e.formatSpec === null ? 1 : 1 + exprDepth(e.formatSpec));
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
    case 'GeneratorExp':
      // MAKE_FUNCTION's function below the first iterable
      return Math.max(2, 1 + exprDepth(e.generators[0].iter));
    case 'Lambda':
      // MAKE_FUNCTION: the defaults tuple's items, then the tuple, the closure tuple and the code
      return Math.max(2, ...e.fn.defaults.map((d, i) => i + exprDepth(d)));
  }
}
