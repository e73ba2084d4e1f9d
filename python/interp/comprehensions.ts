/**
 * List, set and dict comprehensions as CPython 3.11 compiles them: a nested function
 * (`<listcomp>`, `<setcomp>`, `<dictcomp>`) made by MAKE_FUNCTION, called with the iterator of
 * the first iterable (evaluated in the enclosing scope) as its only argument `.0`. Its frame holds
 * the result under the iterators on the value stack and fills it with LIST_APPEND, SET_ADD or
 * MAP_ADD; the targets are the nested function's locals, so they never leak into the caller.
 * A generator expression is called the same way; its function is a generator function.
 */
import type * as A from '../lang/ast';
import type { PyObject } from '../../core/objects/pyobject';
import { newFunction, setFuncClosure } from '../../core/objects/funcobject';
import { closureCells } from './closures';
import { listAppend, newList } from '../../core/objects/list';
import { newSet, setAdd } from '../../core/objects/set';
import { dictSetItem, newDict } from '../../core/objects/dict';
import type { Interpreter } from './interpreter';
import { iterNext, newIterator } from './iteration';

type Comp = A.ListComp | A.SetComp | A.DictComp;

/**
 * The comprehension expression in the enclosing frame: MAKE_FUNCTION, the first iterable and
 * GET_ITER, then the call (function and iterator move into the new frame); pushes the result.
 */
export function callComprehension(interp: Interpreter, e: Comp): void {
  callNested(interp, e, () => runComprehension(interp, e));
}

/** A generator expression: the same call, of a generator function (it returns the generator). */
export function callGeneratorExpression(interp: Interpreter, e: A.GeneratorExp): void {
  callNested(interp, e, undefined);
}

function callNested(interp: Interpreter, e: A.AnyComp, run: (() => PyObject) | undefined): void {
  const func = makeNestedFunction(interp, e, run);
  interp.push(func);
  interp.push(getIter(interp, e.generators[0].iter));
  const it = interp.pop();
  interp.pop();
  interp.push(interp.callFunction(func, [it], e));
}

/**
 * MAKE_FUNCTION for a comprehension's (or generator expression's) code object: a function object
 * named by its qualname; the code is registered with what runs its body (a generator expression's
 * synthesized loops need nothing more).
 */
function makeNestedFunction(interp: Interpreter, e: A.AnyComp, run: (() => PyObject) | undefined): PyObject {
  const info = interp.compiled.codes.get(e)!;
  interp.registerCode(info, run);
  const closure = closureCells(interp.rt, interp.frames[interp.frames.length - 1], info);
  const func = newFunction(interp.rt, info.code, interp.globals, null);
  func.value = info.qualname;
  if (closure !== null) setFuncClosure(func, closure);
  return func;
}

/** Evaluate an iterable and GET_ITER: the new iterator (the iterable's reference is released). */
function getIter(interp: Interpreter, iterable: A.Expr): PyObject {
  const rt = interp.rt;
  interp.eval(iterable);
  const op = interp.pop();
  try {
    return newIterator(rt, op);
  } finally {
    rt.decref(op);
  }
}

/** The nested function's body: BUILD_LIST/SET/MAP, then the clauses; returns the result. */
function runComprehension(interp: Interpreter, e: Comp): PyObject {
  const rt = interp.rt;
  interp.push(e.kind === 'ListComp' ? newList(rt, []) : e.kind === 'SetComp' ? newSet(rt, []) : newDict(rt));
  const result = interp.peek();
  const add = (): void => {
    if (e.kind === 'DictComp') {
      // MAP_ADD: key evaluated first, then value; the dict takes both.
      interp.eval(e.key);
      interp.eval(e.value);
      const value = interp.pop();
      const key = interp.pop();
      try {
        dictSetItem(rt, result, key, value);
      } finally {
        rt.decref(key);
        rt.decref(value);
      }
      return;
    }
    interp.eval(e.elt);
    const item = interp.pop();
    try {
      if (e.kind === 'ListComp') listAppend(rt, result, item);
      else setAdd(rt, result, item);
    } finally {
      rt.decref(item);
    }
  };
  forClauses(interp, e, 0, add);
  return interp.pop();
}

/**
 * Clause `i` and those inside it: its iterator on the value stack (`.0` for the first clause, a
 * GET_ITER of its iterable for the others), FOR_ITER into the target, the `if`s, then `inner`.
 */
function forClauses(interp: Interpreter, e: A.AnyComp, i: number, inner: () => void): void {
  const rt = interp.rt;
  const g = e.generators[i];
  if (i === 0) interp.loadName('.0');
  else interp.push(getIter(interp, g.iter));
  const it = interp.peek();
  for (;;) {
    interp.tick(g.target.lineno);
    const item = iterNext(rt, it);
    if (item === null) break;
    interp.push(item);
    interp.store(g.target);
    if (!g.ifs.every((test) => (interp.eval(test), interp.popTruth()))) continue;
    if (i + 1 < e.generators.length) forClauses(interp, e, i + 1, inner);
    else inner();
  }
  rt.decref(interp.pop());
}
