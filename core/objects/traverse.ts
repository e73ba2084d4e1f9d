/**
 * tp_traverse for every kind: visit each object `op` holds a strong reference to, in the order
 * CPython's traverse function visits them. The collector's subtract_refs and move_unreachable
 * depend on this order (it decides how survivors are reordered), and snapshots use it to list an
 * object's referents.
 */
import { Kind } from './kinds';
import type { PyObject } from './pyobject';
import { funcAnnotations, funcClosure, funcCode, funcDefaults, funcGlobals, funcKwdefaults } from './funcobject';
import { TYPE_TRAVERSED } from './classobject';
import { genTraverse } from './genobject';

export type Visit = (op: PyObject) => void;

// Module-local copies of the kinds: this file is compiled on its own (esbuild-register, ts-jest with
// isolatedModules), so `Kind.List` from kinds.ts is not inlined as a const enum would be but read
// through that module's export getters, a megamorphic lookup per case label per call.
const LIST = Kind.List;
const TUPLE = Kind.Tuple;
const DICT = Kind.Dict;
const SET = Kind.Set;
const INSTANCE = Kind.Instance;
const FUNCTION = Kind.Function;
const CODE = Kind.Code;
const TYPE = Kind.Type;
const GENERATOR = Kind.Generator;

export function traverse(op: PyObject, visit: Visit): void {
  switch (op.type.kind) {
    case LIST:
    case TUPLE: {
      // list_traverse / tupletraverse walk the items from last to first.
      const items = op.items!;
      for (let i = items.length - 1; i >= 0; i--) visit(items[i]);
      return;
    }
    case DICT: {
      // dict_traverse: an all-str (unicode) table visits only its values, since its keys can never
      // be GC objects; a general table visits each value, then its key.
      const table = op.table!;
      if (table.unicode) for (const entry of table.map.values()) visit(entry.value!);
      else
        for (const entry of table.map.values()) {
          visit(entry.value!);
          visit(entry.key);
        }
      return;
    }
    case SET:
      for (const entry of op.table!.entries()) visit(entry.key);
      return;
    case INSTANCE:
      traverseInstance(op, visit);
      return;
    case FUNCTION: {
      // func_traverse: code, globals, defaults, kwdefaults, closure, annotations.
      visit(funcCode(op));
      const globals = funcGlobals(op);
      if (globals !== null) visit(globals);
      const defaults = funcDefaults(op);
      if (defaults !== null) visit(defaults);
      const kwdefaults = funcKwdefaults(op);
      if (kwdefaults !== null) visit(kwdefaults);
      const closure = funcClosure(op);
      if (closure !== null) visit(closure);
      const annotations = funcAnnotations(op);
      if (annotations !== null) visit(annotations);
      return;
    }
    case CODE:
      for (const c of op.items!) visit(c);
      return;
    case GENERATOR:
      genTraverse(op, visit);
      return;
    default: {
      const refs = op.refs;
      if (refs === null) return;
      // type_traverse visits the dict, mro, bases and base, not the __slots__ tuple it keeps.
      const n = op.type.kind === TYPE ? Math.min(refs.length, TYPE_TRAVERSED) : refs.length;
      for (let i = 0; i < n; i++) {
        const r = refs[i];
        if (r !== null) visit(r);
      }
    }
  }
}

/** subtype_traverse: slots, then inline values or the materialised dict, then the class. */
function traverseInstance(op: PyObject, visit: Visit): void {
  const refs = op.refs;
  if (refs !== null) for (const r of refs) if (r !== null) visit(r);
  const values = op.values;
  if (values !== null) for (const v of values) if (v !== null && v !== undefined) visit(v);
  if (op.dictRef !== null) visit(op.dictRef);
  visit(op.type.typeObject!);
}

/**
 * Every object `op` references, for snapshots: what tp_traverse visits (gc.get_referents), then the
 * references it does not report, which are references all the same: a class's __slots__ tuple and
 * the str keys of an all-str dict.
 */
export function referents(op: PyObject): PyObject[] {
  const out: PyObject[] = [];
  traverse(op, (r) => out.push(r));
  if (op.type.kind === Kind.Type && op.refs !== null)
    for (const r of op.refs.slice(TYPE_TRAVERSED)) if (r !== null) out.push(r);
  if (op.type.kind === Kind.Dict && op.table!.unicode) for (const entry of op.table!.map.values()) out.push(entry.key);
  return out;
}
