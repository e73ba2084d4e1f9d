/**
 * Calls with `*seq` or `**mapping` (CALL_FUNCTION_EX), as CPython 3.11 compiles them
 * (compiler_call_helper's ex_call): the positional arguments become one tuple (a lone `*t` of a
 * tuple is passed as it is; otherwise a list is built, extended and turned into a tuple), the
 * keyword arguments one new dict (BUILD_MAP, then DICT_MERGE of each `**` mapping). Both stay on
 * the caller's stack during the call; a Python function's frame gets its own references, and
 * with keywords _PyStack_UnpackDict makes a tuple of their names for the call.
 */
import type * as A from '../lang/ast';
import type { PyObject } from '../../core/objects/pyobject';
import { Kind } from '../../core/objects/kinds';
import { TYPES } from '../../core/objects/pytype';
import { PyException } from '../../core/errors';
import { newTuple, newTupleStealing } from '../../core/objects/tuple';
import { listAppend, newList } from '../../core/objects/list';
import { dictGetItem, dictSetItem, newDict } from '../../core/objects/dict';
import { funcGlobals, methodFunc, methodSelf } from '../../core/objects/funcobject';
import type { Interpreter } from './interpreter';
import { iterNext, newIterator } from './iteration';
import { keywordPairs } from './modules/keywords';

/** Whether the call has a `*` or `**` argument (so it compiles to CALL_FUNCTION_EX). */
export function hasUnpacking(e: A.Call): boolean {
  return e.args.some((a) => a.kind === 'Starred') || e.keywords.some((k) => k.arg === null);
}

/**
 * _PyObject_FunctionStr, which these errors name the callable by: `module.qualname()` (a method's
 * function's), just `name()` for a built-in, else the type's name and "object".
 */
function functionStr(interp: Interpreter, callable: PyObject): string {
  const func = callable.type.kind === Kind.Method ? methodFunc(callable) : callable;
  if (func.type.kind === Kind.Builtin) return `${func.value as string}()`;
  if (func.type.kind !== Kind.Function) return `${func.type.name} object`;
  const globals = funcGlobals(func);
  const module = globals === null ? undefined : dictGetItem(globals, interp.nameStr('__name__'));
  return `${module === undefined ? '' : `${module.value as string}.`}${func.value as string}()`;
}

/** PUSH_NULL + the function, the arguments tuple, the keywords dict (if any), CALL_FUNCTION_EX. */
export function callWithUnpacking(interp: Interpreter, e: A.Call): void {
  const rt = interp.rt;
  interp.eval(e.func);
  const callable = interp.peek();
  pushArgsTuple(interp, e.args, callable);
  if (e.keywords.length > 0) pushKwargsDict(interp, e.keywords, callable);
  const kwdict = e.keywords.length > 0 ? interp.peek() : null;
  const tuple = interp.peek(kwdict === null ? 0 : 1);
  const result = callEx(interp, callable, tuple, kwdict, e);
  // CALL_FUNCTION_EX: Py_DECREF(func), Py_DECREF(callargs), Py_XDECREF(kwargs)
  const popped = [kwdict !== null ? interp.pop() : null, interp.pop(), interp.pop()];
  rt.decref(popped[2]!);
  rt.decref(popped[1]!);
  if (popped[0] !== null) rt.decref(popped[0]);
  interp.push(result);
}

/** do_call_core: the call with the tuple's items and the dict's entries (both borrowed). */
function callEx(
  interp: Interpreter,
  callable: PyObject,
  tuple: PyObject,
  kwdict: PyObject | null,
  site: A.Pos,
): PyObject {
  const rt = interp.rt;
  const items = tuple.items!;
  const entries = kwdict === null ? [] : [...kwdict.table!.map.values()];
  const kwargs = kwdict === null ? [] : keywordPairs(kwdict);
  const isFunction = callable.type.kind === Kind.Function;
  if (!isFunction && callable.type.kind !== Kind.Method) return interp.callObject(callable, items, kwargs);
  // _PyStack_UnpackDict: with keywords, a new argument array (a reference to each argument) and
  // a tuple of their names, both released after the call
  const unpacked = entries.length > 0 ? [...items, ...kwargs.map(([, v]) => v)] : [];
  for (const a of unpacked) rt.incref(a);
  const kwnames =
    entries.length > 0
      ? newTuple(
          rt,
          entries.map((en) => en.key),
        )
      : null;
  try {
    const func = rt.newRef(isFunction ? callable : methodFunc(callable));
    const self = isFunction ? [] : [rt.newRef(methodSelf(callable))];
    return interp.callFunction(
      func,
      [...self, ...items.map((a) => rt.newRef(a))],
      site,
      kwargs.map(([k, v]): [string, PyObject] => [k, rt.newRef(v)]),
    );
  } finally {
    for (const a of unpacked) rt.decref(a);
    if (kwnames !== null) rt.decref(kwnames);
  }
}

/**
 * The positional arguments as one tuple on the stack: a lone `*x` is x itself when x is a tuple,
 * else tuple(x); otherwise BUILD_LIST of the leading plain ones, LIST_EXTEND / LIST_APPEND for the
 * rest, and LIST_TO_TUPLE (the list dies); plain ones only: BUILD_TUPLE.
 */
function pushArgsTuple(interp: Interpreter, args: readonly A.Expr[], callable: PyObject): void {
  const rt = interp.rt;
  const firstStar = args.findIndex((a) => a.kind === 'Starred');
  if (args.length === 1 && firstStar === 0) {
    interp.eval((args[0] as A.Starred).value);
    const x = interp.peek();
    if (x.type.kind === Kind.Tuple) return;
    interp.push(asTuple(interp, x, callable));
    const tuple = interp.pop();
    rt.decref(interp.pop());
    interp.push(tuple);
    return;
  }
  const leading = firstStar < 0 ? args.length : firstStar;
  for (const a of args.slice(0, leading)) interp.eval(a);
  const plain: PyObject[] = [];
  for (let i = 0; i < leading; i++) plain.unshift(interp.pop());
  if (firstStar < 0) {
    interp.push(newTupleStealing(rt, plain));
    return;
  }
  const list = newList(rt, plain);
  for (const p of plain) rt.decref(p);
  interp.push(list);
  for (const a of args.slice(leading)) {
    interp.eval(a.kind === 'Starred' ? a.value : a);
    const v = interp.pop();
    try {
      if (a.kind === 'Starred') for (const item of iterate(interp, v, callable)) listAppendStealing(interp, list, item);
      else listAppend(rt, list, v);
    } finally {
      rt.decref(v);
    }
  }
  const tuple = newTuple(rt, list.items!);
  rt.decref(interp.pop());
  interp.push(tuple);
}

function listAppendStealing(interp: Interpreter, list: PyObject, item: PyObject): void {
  listAppend(interp.rt, list, item);
  interp.rt.decref(item);
}

/** PySequence_Tuple of a `*` argument (check_args_iterable's error when it is not iterable). */
function asTuple(interp: Interpreter, x: PyObject, callable: PyObject): PyObject {
  return iterableOrError(interp, x, callable, () => interp.callObject(interp.rt.staticTypeObject(TYPES.tuple), [x]));
}

/** The items of a `*` argument, as new references. */
function iterate(interp: Interpreter, x: PyObject, callable: PyObject): PyObject[] {
  const rt = interp.rt;
  const it = iterableOrError(interp, x, callable, () => newIterator(rt, x));
  const out: PyObject[] = [];
  try {
    for (let item = iterNext(rt, it); item !== null; item = iterNext(rt, it)) out.push(item);
  } finally {
    rt.decref(it);
  }
  return out;
}

/** `use()` of a `*` argument; its "not iterable" TypeError in check_args_iterable's words. */
function iterableOrError(interp: Interpreter, x: PyObject, callable: PyObject, use: () => PyObject): PyObject {
  try {
    return use();
  } catch (error) {
    if (!(error instanceof PyException) || !error.message.endsWith('is not iterable')) throw error;
    throw new PyException(
      'TypeError',
      `${functionStr(interp, callable)} argument after * must be an iterable, not ${x.type.name}`,
    );
  }
}

/**
 * The keyword arguments as one new dict on the stack: runs of `name=value` become a dict
 * (BUILD_MAP n) merged in, each `**m` is merged (DICT_MERGE: a repeated name is an error).
 */
function pushKwargsDict(interp: Interpreter, keywords: readonly A.Keyword[], callable: PyObject): void {
  const rt = interp.rt;
  let dict: PyObject | null = null;
  const merge = (from: PyObject) => {
    if (from.type.kind !== Kind.Dict)
      throw new PyException(
        'TypeError',
        `${functionStr(interp, callable)} argument after ** must be a mapping, not ${from.type.name}`,
      );
    for (const entry of from.table!.map.values()) {
      if (dictGetItem(dict!, entry.key) !== undefined)
        throw new PyException(
          'TypeError',
          `${functionStr(interp, callable)} got multiple values for keyword argument '${entry.key.value as string}'`,
        );
      dictSetItem(rt, dict!, entry.key, entry.value!);
    }
  };
  let i = 0;
  while (i < keywords.length) {
    const k = keywords[i];
    if (k.arg === null) {
      if (dict === null) {
        dict = newDict(rt);
        interp.push(dict);
      }
      interp.eval(k.value);
      const m = interp.pop();
      try {
        merge(m);
      } finally {
        rt.decref(m);
      }
      i++;
      continue;
    }
    let end = i;
    while (end < keywords.length && keywords[end].arg !== null) end++;
    const run = namedRun(interp, keywords.slice(i, end));
    if (dict === null) {
      dict = run;
      interp.push(run);
    } else {
      try {
        merge(run);
      } finally {
        rt.decref(run);
      }
    }
    i = end;
  }
}

/** compiler_subkwargs: `name=value` keywords evaluated, then one dict of them (a new reference). */
function namedRun(interp: Interpreter, run: readonly A.Keyword[]): PyObject {
  const rt = interp.rt;
  for (const k of run) interp.eval(k.value);
  const values: PyObject[] = [];
  for (let j = 0; j < run.length; j++) values.unshift(interp.pop());
  const d = newDict(rt);
  d.table!.presizeDict(run.length, true);
  run.forEach((k, j) => dictSetItem(rt, d, interp.nameStr(k.arg!), values[j]));
  for (let j = values.length - 1; j >= 0; j--) rt.decref(values[j]);
  return d;
}
