/**
 * tp_clear for every kind: what delete_garbage calls on each object of an unreachable cycle to
 * break it. Only the references that can form cycles are dropped; the rest go when the object is
 * deallocated. Kinds without a tp_clear in CPython (tuples, bound methods, iterators, descriptors)
 * do nothing here: the cycle is broken through their neighbours.
 */
import type { Runtime } from '../runtime';
import { Kind } from './kinds';
import type { PyObject } from './pyobject';
import { listClear } from './list';
import { dictClear } from './dict';
import { setClear } from './set';
import { clearWeakref, WR_CALLBACK } from './weakrefobject';
import { FUNC_ANNOTATIONS, FUNC_CLOSURE, FUNC_DEFAULTS, FUNC_GLOBALS, FUNC_KWDEFAULTS } from './funcobject';
import { MODULE_DICT } from './moduleobject';
import { CELL_CONTENTS } from './cellobject';
import { TYPE_MRO, typeDict } from './classobject';

export function tpClear(rt: Runtime, op: PyObject): void {
  switch (op.type.kind) {
    case Kind.List:
      listClear(rt, op);
      return;
    case Kind.Dict:
      dictClear(rt, op);
      return;
    case Kind.Set:
      setClear(rt, op);
      return;
    case Kind.Instance:
      clearInstance(rt, op);
      return;
    case Kind.Type: {
      // type_clear: empty the dict and drop the mro.
      dictClear(rt, typeDict(op)!);
      clearRef(rt, op, TYPE_MRO);
      return;
    }
    case Kind.Function:
      // func_clear: globals, defaults, kwdefaults, closure, annotations (the code object stays).
      clearRef(rt, op, FUNC_GLOBALS);
      clearRef(rt, op, FUNC_DEFAULTS);
      if (op.refs!.length > FUNC_KWDEFAULTS) clearRef(rt, op, FUNC_KWDEFAULTS);
      clearRef(rt, op, FUNC_CLOSURE);
      clearRef(rt, op, FUNC_ANNOTATIONS);
      return;
    case Kind.Weakref:
      clearWeakref(op);
      clearRef(rt, op, WR_CALLBACK);
      return;
    case Kind.Module:
      clearRef(rt, op, MODULE_DICT);
      return;
    case Kind.Cell:
      // cell_clear: the contents.
      clearRef(rt, op, CELL_CONTENTS);
      return;
    default:
      return;
  }
}

/** Py_CLEAR(op.refs[i]): null the field first, then release what it held. */
export function clearRef(rt: Runtime, op: PyObject, i: number): void {
  const old = op.refs![i];
  op.refs![i] = null;
  if (old !== null) rt.decref(old);
}

/** subtype_clear: slots, then the inline values in order, then the materialised dict. */
function clearInstance(rt: Runtime, op: PyObject): void {
  if (op.refs !== null) for (let i = 0; i < op.refs.length; i++) clearRef(rt, op, i);
  const values = op.values;
  if (values !== null) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      values[i] = null;
      if (v !== null && v !== undefined) rt.decref(v);
    }
    op.valuesOrder = [];
  }
  if (op.dictRef !== null) {
    const dict = op.dictRef;
    op.dictRef = null;
    rt.decref(dict);
  }
}
