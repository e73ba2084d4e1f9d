/**
 * Binding a call's arguments to a Python function's parameters, as initialize_locals
 * (Python/ceval.c, 3.11) does, with its TypeErrors word for word: the `**kwargs` dict is made
 * first, the positional arguments move into their slots, the rest into the `*args` tuple, each
 * keyword finds its parameter (or the `**kwargs` dict), then the defaults fill what is missing.
 *
 * The argument references are the frame's from here on: a binding error releases them all.
 */
import type { Runtime } from '../../core/runtime';
import type { PyObject } from '../../core/objects/pyobject';
import { PyException } from '../../core/errors';
import { newTupleStealing } from '../../core/objects/tuple';
import { dictGetItem, dictSetItem, newDict } from '../../core/objects/dict';
import { funcDefaults, funcKwdefaults } from '../../core/objects/funcobject';
import type { CodeInfo, Signature } from './compile';

/** A function without `/`, `*`, `*args`, keyword-only parameters or `**kwargs`. */
const POSITIONAL_ONLY_SHAPE: Signature = { posonly: 0, kwonly: 0, varargs: false, varkw: false };

/**
 * The frame's fast locals for a call of `func` (whose code is `code`) with `args` and `kwargs`
 * (references stolen); throws the TypeError CPython raises, having released them.
 */
export function bindArguments(
  rt: Runtime,
  code: CodeInfo,
  func: PyObject,
  args: readonly PyObject[],
  kwargs: readonly [string, PyObject][],
  nameStr: (name: string) => PyObject,
): (PyObject | null)[] {
  const shape = code.signature ?? POSITIONAL_ONLY_SHAPE;
  const argcount = code.nparams;
  const total = argcount + shape.kwonly;
  const locals: (PyObject | null)[] = code.varnames.map(() => null);
  const n = Math.min(args.length, argcount);
  // keyword values not yet placed: released on failure (kw_fail), then the frame's locals
  const pending = new Set<PyObject>(kwargs.map(([, v]) => v));
  const fail = (message: string): never => {
    for (const [, v] of kwargs) if (pending.has(v)) rt.decref(v);
    for (const v of locals) if (v !== null) rt.decref(v);
    throw new PyException('TypeError', `${code.qualname}() ${message}`);
  };
  let kwdict: PyObject | null = null;
  if (shape.varkw) {
    kwdict = newDict(rt);
    locals[total + (shape.varargs ? 1 : 0)] = kwdict;
  }
  for (let i = 0; i < n; i++) locals[i] = args[i];
  // the rest go into *args; without one they are released now, the error comes later
  if (shape.varargs) locals[total] = newTupleStealing(rt, args.slice(n));
  else for (const a of args.slice(n)) rt.decref(a);
  for (const [name, value] of kwargs) {
    const j = code.varnames.indexOf(name);
    if (j < shape.posonly || j >= total) {
      if (kwdict !== null) {
        dictSetItem(rt, kwdict, nameStr(name), value);
        rt.decref(value);
        pending.delete(value);
        continue;
      }
      if (j >= 0 && j < shape.posonly) {
        const passed = kwargs.map(([k]) => k).filter((k) => code.varnames.indexOf(k) < shape.posonly);
        fail(`got some positional-only arguments passed as keyword arguments: '${passed.join(', ')}'`);
      }
      fail(`got an unexpected keyword argument '${name}'`);
    }
    if (locals[j] !== null) fail(`got multiple values for argument '${name}'`);
    locals[j] = value;
    pending.delete(value);
  }
  const defaults = funcDefaults(func)?.items ?? [];
  if (args.length > argcount && !shape.varargs) {
    const kwonlyGiven = locals.slice(argcount, total).filter((v) => v !== null).length;
    fail(tooManyPositional(argcount, defaults.length, args.length, kwonlyGiven));
  }
  const required = argcount - defaults.length;
  const missing = code.varnames.slice(0, required).filter((_, i) => locals[i] === null);
  if (missing.length > 0) fail(missingArguments(missing, 'positional'));
  for (let i = required; i < argcount; i++) if (locals[i] === null) locals[i] = rt.newRef(defaults[i - required]);
  const kwdefaults = funcKwdefaults(func);
  const missingKwonly: string[] = [];
  for (let i = argcount; i < total; i++) {
    if (locals[i] !== null) continue;
    const d = kwdefaults === null ? undefined : dictGetItem(kwdefaults, nameStr(code.varnames[i]));
    if (d !== undefined) locals[i] = rt.newRef(d);
    else missingKwonly.push(code.varnames[i]);
  }
  if (missingKwonly.length > 0) fail(missingArguments(missingKwonly, 'keyword-only'));
  return locals;
}

/** too_many_positional: "takes 2 positional arguments but 3 were given", with CPython's plurals. */
export function tooManyPositional(argcount: number, defcount: number, given: number, kwonlyGiven: number): string {
  const sig = defcount > 0 ? `from ${argcount - defcount} to ${argcount}` : `${argcount}`;
  const plural = defcount > 0 || argcount !== 1;
  const kwonlySig =
    kwonlyGiven > 0
      ? ` positional argument${given !== 1 ? 's' : ''} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven !== 1 ? 's' : ''})`
      : '';
  const verb = given === 1 && kwonlyGiven === 0 ? 'was' : 'were';
  return `takes ${sig} positional argument${plural ? 's' : ''} but ${given}${kwonlySig} ${verb} given`;
}

/** format_missing: "missing 2 required positional arguments: 'a' and 'b'" ('a', 'b', and 'c' for three). */
export function missingArguments(names: readonly string[], kind: 'positional' | 'keyword-only'): string {
  const quoted = names.map((n) => `'${n}'`);
  const list =
    quoted.length === 1
      ? quoted[0]
      : quoted.length === 2
        ? `${quoted[0]} and ${quoted[1]}`
        : `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
  return `missing ${names.length} required ${kind} argument${names.length === 1 ? '' : 's'}: ${list}`;
}
