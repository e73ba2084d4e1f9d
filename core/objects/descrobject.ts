/**
 * property (Objects/descrobject.c), staticmethod and classmethod (Objects/funcobject.c): the
 * objects a decorator in a class body makes of a function. All three are GC objects holding the
 * function; the class's dict holds them, so a class, its functions' globals and these descriptors
 * sit in one cycle.
 *
 * A property holds its getter, setter, deleter, doc and (once its class is made, by
 * `__set_name__`) its name; staticmethod and classmethod hold the callable and the dict
 * functools_wraps fills with the callable's `__module__`, `__name__`, `__qualname__`, `__doc__`
 * and `__annotations__`.
 */
import { Kind } from './kinds';
import type { PyObject } from './pyobject';
import { PyType } from './pytype';
import type { Runtime } from '../runtime';

/**
 * PyProperty_Type: GC, not weak-referenceable; sizeof(propertyobject) is the header, prop_get,
 * prop_set, prop_del, prop_doc, prop_name and the int getter_doc (padded to a word): 8 words.
 */
export const PROPERTY_TYPE = new PyType('property', Kind.Descriptor, true, false);
PROPERTY_TYPE.basicWords = 8;

/** PyStaticMethod_Type: sizeof(staticmethod) is the header, sm_callable and sm_dict: 4 words. */
export const STATICMETHOD_TYPE = new PyType('staticmethod', Kind.Descriptor, true, false);
STATICMETHOD_TYPE.basicWords = 4;

/** PyClassMethod_Type: the same layout as staticmethod (cm_callable, cm_dict). */
export const CLASSMETHOD_TYPE = new PyType('classmethod', Kind.Descriptor, true, false);
CLASSMETHOD_TYPE.basicWords = 4;

/** Where a property keeps its fields in `refs`: property_traverse's and property_dealloc's order. */
const PROP_GET = 0;
const PROP_SET = 1;
const PROP_DEL = 2;
const PROP_DOC = 3;
const PROP_NAME = 4;

/** Where staticmethod and classmethod keep sm_callable and sm_dict. */
const WRAPPED_CALLABLE = 0;
const WRAPPED_DICT = 1;

/** The accessor functions of a property, each null when absent (None is stored as NULL). */
export interface PropertyParts {
  readonly fget: PyObject | null;
  readonly fset: PyObject | null;
  readonly fdel: PyObject | null;
}

/**
 * PyType_GenericAlloc + property_init's stores: the accessors (borrowed; None means absent) and the
 * doc (borrowed, null for NULL). `getterDoc` records that the doc came from the getter, which
 * decides what `.setter()` passes on.
 */
export function newProperty(rt: Runtime, parts: PropertyParts, doc: PyObject | null, getterDoc: boolean): PyObject {
  const op = rt.alloc(PROPERTY_TYPE);
  const ref = (r: PyObject | null) => (r === null || r === rt.None ? null : rt.newRef(r));
  op.refs = [ref(parts.fget), ref(parts.fset), ref(parts.fdel), doc === null ? null : rt.newRef(doc), null];
  op.value = getterDoc;
  rt.track(op);
  return op;
}

/** The property's accessors, borrowed. */
export function propertyParts(prop: PyObject): PropertyParts {
  const refs = prop.refs!;
  return { fget: refs[PROP_GET], fset: refs[PROP_SET], fdel: refs[PROP_DEL] };
}

/** prop_doc, borrowed (null for NULL). */
export function propertyDoc(prop: PyObject): PyObject | null {
  return prop.refs![PROP_DOC];
}

/** getter_doc: the doc was taken from the getter. */
export function propertyGetterDoc(prop: PyObject): boolean {
  return prop.value === true;
}

/** prop_name, borrowed (null until `__set_name__`). */
export function propertyName(prop: PyObject): PyObject | null {
  return prop.refs![PROP_NAME];
}

/** Py_XSETREF(prop_name, name): `name` borrowed. */
export function setPropertyName(rt: Runtime, prop: PyObject, name: PyObject | null): void {
  const old = prop.refs![PROP_NAME];
  prop.refs![PROP_NAME] = name === null ? null : rt.newRef(name);
  if (old !== null) rt.decref(old);
}

/** PyType_GenericAlloc + sm_init / cm_init's store of the callable (borrowed); the dict comes later. */
export function newWrapper(rt: Runtime, type: PyType, callable: PyObject): PyObject {
  const op = rt.alloc(type);
  op.refs = [rt.newRef(callable), null];
  rt.track(op);
  return op;
}

/** sm_callable / cm_callable, borrowed. */
export function wrappedCallable(op: PyObject): PyObject {
  return op.refs![WRAPPED_CALLABLE]!;
}

/** sm_dict / cm_dict, borrowed (null until an attribute is stored). */
export function wrapperDict(op: PyObject): PyObject | null {
  return op.refs![WRAPPED_DICT];
}

/** The dict _PyObject_GetDictPtr made for the wrapper (a new reference, stolen). */
export function setWrapperDict(op: PyObject, dict: PyObject): void {
  op.refs![WRAPPED_DICT] = dict;
}

/** Whether `op` is a property, staticmethod or classmethod. */
export function isDecoratorDescriptor(op: PyObject): boolean {
  return op.type === PROPERTY_TYPE || op.type === STATICMETHOD_TYPE || op.type === CLASSMETHOD_TYPE;
}
