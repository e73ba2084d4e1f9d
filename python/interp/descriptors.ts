/**
 * `property`, `staticmethod` and `classmethod`: making them (type_call through
 * _PyObject_MakeTpCall, so an argument tuple each time), their `__get__`/`__set__`/`__delete__`
 * when an attribute lookup finds one on a class, `__set_name__` when their class is made, and the
 * property's `getter`/`setter`/`deleter` copies. What each allocates follows
 * Objects/descrobject.c and Objects/funcobject.c of 3.11 (docs/probes/q8_descriptors.py).
 */
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { type PyType, TYPES } from '../../core/objects/pytype';
import { PyException } from '../../core/errors';
import { newTuple } from '../../core/objects/tuple';
import { dictGetItem, dictSetItem, newDict } from '../../core/objects/dict';
import { classLookup, classType } from '../../core/objects/classobject';
import { funcCode, funcDefaults, funcGlobals, funcKwdefaults, newMethod } from '../../core/objects/funcobject';
import {
  CLASSMETHOD_TYPE,
  newProperty,
  newWrapper,
  PROPERTY_TYPE,
  propertyDoc,
  propertyGetterDoc,
  propertyName,
  propertyParts,
  setPropertyName,
  setWrapperDict,
  STATICMETHOD_TYPE,
  wrappedCallable,
  wrapperDict,
  type PropertyParts,
} from '../../core/objects/descrobject';
import { functionAnnotations } from './annotations';
import { pyStrRepr } from '../lang';

/** What the descriptors need of the evaluator. */
export interface DescriptorHost {
  /** A call from C with borrowed arguments (PyObject_Call*); a new reference. */
  callFromC(callable: PyObject, args: PyObject[]): PyObject;
  /** A function's `__doc__` (its docstring or None), a new reference. */
  functionDoc(func: PyObject): PyObject;
  /** A name as an interned str, borrowed. */
  nameStr(name: string): PyObject;
}

/** What functools_wraps copies from a function, in its order. */
const WRAPPED_ATTRIBUTES = ['__module__', '__name__', '__qualname__', '__doc__', '__annotations__'] as const;

/** The names of property_init's parameters, in order. */
const PROPERTY_PARAMS = ['fget', 'fset', 'fdel', 'doc'] as const;

/** The builtin types this module makes, by the name `builtins` binds each to. */
export const DESCRIPTOR_TYPES: readonly (readonly [string, PyType])[] = [
  ['property', PROPERTY_TYPE],
  ['staticmethod', STATICMETHOD_TYPE],
  ['classmethod', CLASSMETHOD_TYPE],
];

/** Whether calling `type` makes one of these descriptors. */
export function isDescriptorType(type: PyType): boolean {
  return type === PROPERTY_TYPE || type === STATICMETHOD_TYPE || type === CLASSMETHOD_TYPE;
}

export class Descriptors {
  /** The classes whose mro holds a property: their instances' attribute lookups ask the class first. */
  private readonly withProperties = new WeakSet<PyType>();

  constructor(
    private readonly rt: Runtime,
    private readonly host: DescriptorHost,
  ) {}

  /**
   * type_call of property, staticmethod or classmethod: _PyObject_MakeTpCall packs the positional
   * arguments in a tuple (and keywords in a dict), tp_new allocates and tracks, tp_init fills in.
   */
  construct(type: PyType, args: PyObject[], kwargs: [string, PyObject][]): PyObject {
    const rt = this.rt;
    const packed = newTuple(rt, args);
    const kwdict = kwargs.length > 0 ? this.keywordDict(kwargs) : null;
    try {
      return type === PROPERTY_TYPE ? this.makeProperty(args, kwargs) : this.makeWrapper(type, args, kwargs);
    } finally {
      if (kwdict !== null) rt.decref(kwdict);
      rt.decref(packed);
    }
  }

  /** _PyStack_AsDict: the keyword arguments of a call to a type without vectorcall. */
  private keywordDict(kwargs: [string, PyObject][]): PyObject {
    const d = newDict(this.rt);
    for (const [k, v] of kwargs) dictSetItem(this.rt, d, this.host.nameStr(k), v);
    return d;
  }

  /** property_new + property_init (argument clinic: fget, fset, fdel, doc, each optional). */
  private makeProperty(args: PyObject[], kwargs: [string, PyObject][]): PyObject {
    const rt = this.rt;
    if (args.length > PROPERTY_PARAMS.length)
      throw new PyException('TypeError', `property() takes at most 4 arguments (${args.length} given)`);
    const given: (PyObject | null)[] = PROPERTY_PARAMS.map((_, i) => args[i] ?? null);
    for (const [k, v] of kwargs) {
      const i = PROPERTY_PARAMS.indexOf(k as (typeof PROPERTY_PARAMS)[number]);
      if (i < 0) throw new PyException('TypeError', `'${k}' is an invalid keyword argument for property()`);
      if (i < args.length)
        throw new PyException('TypeError', `argument for property() given by name ('${k}') and position (${i + 1})`);
      given[i] = v;
    }
    const [fget, fset, fdel, doc] = given;
    const parts: PropertyParts = { fget: this.orNull(fget), fset: this.orNull(fset), fdel: this.orNull(fdel) };
    // "if no docstring given and the getter has one, use that one" (getter_doc)
    if ((doc === null || doc === rt.None) && parts.fget !== null) {
      const fromGetter = this.docOf(parts.fget);
      try {
        return newProperty(rt, parts, fromGetter, true);
      } finally {
        rt.decref(fromGetter);
      }
    }
    return newProperty(rt, parts, doc, false);
  }

  private orNull(op: PyObject | null): PyObject | null {
    return op === this.rt.None ? null : op;
  }

  /** `callable.__doc__` as _PyObject_LookupAttr finds it: a function's docstring or None. */
  private docOf(callable: PyObject): PyObject {
    return callable.type.kind === Kind.Function ? this.host.functionDoc(callable) : this.rt.none();
  }

  /** sm_init / cm_init: the callable, then functools_wraps copies its attributes into a new dict. */
  private makeWrapper(type: PyType, args: PyObject[], kwargs: [string, PyObject][]): PyObject {
    const rt = this.rt;
    const op = newWrapper(rt, type, args[0] ?? rt.None);
    try {
      if (kwargs.length > 0) throw new PyException('TypeError', `${type.name}() takes no keyword arguments`);
      if (args.length !== 1) throw new PyException('TypeError', `${type.name} expected 1 argument, got ${args.length}`);
      if (args[0].type.kind === Kind.Function) this.copyFunctionAttributes(op, args[0]);
    } catch (error) {
      rt.decref(op);
      throw error;
    }
    return op;
  }

  /**
   * functools_wraps: `__module__`, `__name__`, `__qualname__`, `__doc__` and `__annotations__`
   * set on the wrapper, whose dict is made by the first; reading `__annotations__` gives a
   * function without any an empty dict of its own.
   */
  private copyFunctionAttributes(op: PyObject, func: PyObject): void {
    const rt = this.rt;
    const dict = newDict(rt);
    setWrapperDict(op, dict);
    for (const name of WRAPPED_ATTRIBUTES) {
      const value = this.functionAttribute(func, name)!;
      try {
        dictSetItem(rt, dict, this.host.nameStr(name), value);
      } finally {
        rt.decref(value);
      }
    }
  }

  /** A function's attribute (WRAPPED_ATTRIBUTES, `__defaults__`, `__kwdefaults__`) as a new reference; undefined for another name. */
  functionAttribute(func: PyObject, name: string): PyObject | undefined {
    const rt = this.rt;
    const qualname = func.value as string;
    switch (name) {
      case '__module__': {
        const globals = funcGlobals(func);
        const module = globals === null ? undefined : dictGetItem(globals, this.host.nameStr('__name__'));
        return rt.newRef(module ?? rt.None);
      }
      case '__name__':
        // func_name is the code's co_name
        return rt.newRef(this.host.nameStr(funcCode(func).value as string));
      case '__qualname__':
        return rt.str(qualname);
      case '__doc__':
        return this.host.functionDoc(func);
      case '__annotations__':
        return functionAnnotations(rt, func);
      case '__defaults__':
        return rt.newRef(funcDefaults(func) ?? rt.None);
      case '__kwdefaults__':
        return rt.newRef(funcKwdefaults(func) ?? rt.None);
      default:
        return undefined;
    }
  }

  /**
   * type_new_set_names, for the descriptors among a new class's attributes: `__set_name__` is
   * looked up (a bound built-in method) and called with (class, name) in an argument tuple.
   */
  classCreated(cls: PyObject, namespace: readonly [string, PyObject][]): void {
    const rt = this.rt;
    const type = classType(cls);
    const base = type.base;
    if (base !== null && this.withProperties.has(base)) this.withProperties.add(type);
    for (const [name, value] of namespace) {
      if (value.type !== PROPERTY_TYPE) continue;
      this.withProperties.add(type);
      const setName = this.boundMethod(value, '__set_name__');
      const args = newTuple(rt, [cls, this.host.nameStr(name)]);
      setPropertyName(rt, value, this.host.nameStr(name));
      rt.decref(args);
      rt.decref(setName);
    }
  }

  /** A built-in method bound to `self` (PyCFunction with m_self): a GC object holding self. */
  private boundMethod(self: PyObject, name: string, call?: (args: PyObject[]) => PyObject): PyObject {
    const rt = this.rt;
    const op = rt.alloc(TYPES.builtinMethod);
    op.value = name;
    op.native = call ?? null;
    op.refs = [rt.newRef(self)];
    rt.track(op);
    return op;
  }

  /** Whether instances of `type` must look for a property on their class before their own attributes. */
  hasProperties(type: PyType): boolean {
    return this.withProperties.has(type);
  }

  /** The property `name` of an instance's class, if it has one (a data descriptor wins over the instance's dict). */
  private propertyOf(obj: PyObject, name: string): PyObject | undefined {
    if (!this.withProperties.has(obj.type)) return undefined;
    const found = classLookup(this.rt, obj.type.typeObject!, name);
    return found !== undefined && found.type === PROPERTY_TYPE ? found : undefined;
  }

  /** property_descr_get on an instance, or undefined when its class has no property of that name. */
  instanceGet(obj: PyObject, name: string): PyObject | undefined {
    const prop = this.propertyOf(obj, name);
    return prop === undefined ? undefined : this.get(prop, obj, obj.type.typeObject!);
  }

  /**
   * property_descr_set for `obj.name = value` (value null: `del obj.name`); false when the class
   * has no property of that name.
   */
  instanceSet(obj: PyObject, name: string, value: PyObject | null): boolean {
    const prop = this.propertyOf(obj, name);
    if (prop === undefined) return false;
    const parts = propertyParts(prop);
    const func = value === null ? parts.fdel : parts.fset;
    if (func === null) throw this.missing(prop, obj, value === null ? 'deleter' : 'setter');
    this.rt.decref(this.host.callFromC(func, value === null ? [obj] : [obj, value]));
    return true;
  }

  /**
   * tp_descr_get of an attribute found on a class: `obj` is the instance (null for a lookup on
   * the class itself), `cls` the class. A new reference; non-descriptors come back as they are.
   */
  get(found: PyObject, obj: PyObject | null, cls: PyObject): PyObject {
    const rt = this.rt;
    if (found.type === STATICMETHOD_TYPE) return rt.newRef(wrappedCallable(found));
    if (found.type === CLASSMETHOD_TYPE) return newMethod(rt, wrappedCallable(found), cls);
    if (found.type === PROPERTY_TYPE && obj !== null) {
      const fget = propertyParts(found).fget;
      if (fget === null) throw this.missing(found, obj, 'getter');
      return this.host.callFromC(fget, [obj]);
    }
    return rt.newRef(found);
  }

  /** "property 'x' of 'A' object has no setter" (without the name before `__set_name__`). */
  private missing(prop: PyObject, obj: PyObject, what: string): PyException {
    const name = propertyName(prop);
    const owner = `${pyStrRepr(obj.type.name)} object`;
    return new PyException(
      'AttributeError',
      name === null
        ? `property of ${owner} has no ${what}`
        : `property ${pyStrRepr(name.value as string)} of ${owner} has no ${what}`,
    );
  }

  /** An attribute of a property, staticmethod or classmethod object itself; undefined when it has none. */
  attribute(op: PyObject, name: string): PyObject | undefined {
    const rt = this.rt;
    if (op.type === PROPERTY_TYPE) {
      const parts = propertyParts(op);
      switch (name) {
        case 'fget':
        case 'fset':
        case 'fdel':
          return rt.newRef(parts[name] ?? rt.None);
        case '__doc__':
          return rt.newRef(propertyDoc(op) ?? rt.None);
        case 'getter':
        case 'setter':
        case 'deleter':
          return this.boundMethod(op, name, (args) => this.copyWith(op, name, args));
        default:
          return undefined;
      }
    }
    if (name === '__func__') return rt.newRef(wrappedCallable(op));
    const dict = wrapperDict(op);
    if (name === '__dict__' && dict !== null) return rt.newRef(dict);
    const own = dict === null ? undefined : dictGetItem(dict, this.host.nameStr(name));
    return own === undefined ? undefined : rt.newRef(own);
  }

  /** The implementation of `prop.getter(f)` and the others when called at once (LOAD_METHOD, no bound object). */
  method(op: PyObject, name: string): ((self: PyObject, args: PyObject[]) => PyObject) | undefined {
    if (op.type !== PROPERTY_TYPE || (name !== 'getter' && name !== 'setter' && name !== 'deleter')) return undefined;
    return (self, args) => this.copyWith(self, name, args);
  }

  /**
   * property_getter/setter/deleter, then property_copy: a new property from the old one's
   * accessors with one replaced, made by calling the type with four arguments; its name is the
   * old one's.
   */
  private copyWith(old: PyObject, which: string, args: PyObject[]): PyObject {
    const rt = this.rt;
    if (args.length !== 1)
      throw new PyException('TypeError', `property.${which}() takes exactly one argument (${args.length} given)`);
    const parts = propertyParts(old);
    const pick = (own: PyObject | null, replaced: boolean) =>
      replaced && args[0] !== rt.None ? args[0] : (own ?? rt.None);
    const fget = pick(parts.fget, which === 'getter');
    const fset = pick(parts.fset, which === 'setter');
    const fdel = pick(parts.fdel, which === 'deleter');
    const doc = propertyGetterDoc(old) && fget !== rt.None ? rt.None : (propertyDoc(old) ?? rt.None);
    const copy = this.construct(PROPERTY_TYPE, [fget, fset, fdel, doc], []);
    setPropertyName(rt, copy, propertyName(old));
    return copy;
  }
}
