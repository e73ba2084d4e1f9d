/**
 * The built-ins a program uses to drive iterators and generators by hand (next, iter, any, all)
 * and a generator's own methods (send, close). Each takes its arguments borrowed, as the
 * interpreter's built-in calls pass them, and returns a new reference.
 */
import type { Runtime } from '../../core/runtime';
import { PyException } from '../../core/errors';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { isTrue } from './abstract';
import { genClose, resumeGenerator } from './generators';
import { iterNext, newIterator } from './iteration';

type Impl = (args: PyObject[]) => PyObject;

function arity(name: string, args: PyObject[], min: number, max: number): void {
  if (args.length >= min && args.length <= max) return;
  throw new PyException(
    'TypeError',
    min === max
      ? `${name}() takes exactly one argument (${args.length} given)`
      : `${name} expected ${args.length < min ? 'at least' : 'at most'} ${args.length < min ? min : max} argument${(args.length < min ? min : max) === 1 ? '' : 's'}, got ${args.length}`,
  );
}

/** StopIteration for a generator that returned `value` (empty for None). */
function stopIteration(rt: Runtime, value: PyObject | null): PyException {
  const text = value === null || value === rt.None ? '' : String(value.value);
  if (value !== null) rt.decref(value);
  return new PyException('StopIteration', text);
}

/** builtin_next: the next item; the default, or StopIteration (with a generator's return value), at the end. */
function next(rt: Runtime, args: PyObject[]): PyObject {
  arity('next', args, 1, 2);
  const [it, dflt] = args;
  const kind = it.type.kind;
  if (kind !== Kind.Iterator && kind !== Kind.Generator)
    throw new PyException('TypeError', `'${it.type.name}' object is not an iterator`);
  let returned: PyObject | null = null;
  const item = kind === Kind.Generator ? resumeGenerator(it, null, (v) => (returned = v)) : iterNext(rt, it);
  if (item !== null) return item;
  if (dflt !== undefined) {
    if (returned !== null) rt.decref(returned);
    return rt.newRef(dflt);
  }
  throw stopIteration(rt, returned);
}

/** any() / all(): iterate until an item decides (`stopOn` truth), releasing each item. */
function anyAll(rt: Runtime, name: string, args: PyObject[], stopOn: boolean): PyObject {
  arity(name, args, 1, 1);
  const it = newIterator(rt, args[0]);
  try {
    for (let item = iterNext(rt, it); item !== null; item = iterNext(rt, it)) {
      const truth = isTrue(item);
      rt.decref(item);
      if (truth === stopOn) return rt.bool(stopOn);
    }
    return rt.bool(!stopOn);
  } finally {
    rt.decref(it);
  }
}

/** The built-in functions of this module, by name. */
export function generatorBuiltins(rt: Runtime): [string, Impl][] {
  return [
    ['next', (args) => next(rt, args)],
    ['iter', (args) => (arity('iter', args, 1, 1), newIterator(rt, args[0]))],
    ['any', (args) => anyAll(rt, 'any', args, true)],
    ['all', (args) => anyAll(rt, 'all', args, false)],
  ];
}

/** gen.send(value), gen.close(), gen.__next__(): the implementation for `name`, or undefined. */
export function generatorMethod(
  rt: Runtime,
  name: string,
): ((self: PyObject, args: PyObject[]) => PyObject) | undefined {
  switch (name) {
    case 'send':
      return (self, args) => {
        if (args.length !== 1)
          throw new PyException('TypeError', `generator.send() takes exactly one argument (${args.length} given)`);
        let returned: PyObject | null = null;
        const item = resumeGenerator(self, args[0], (v) => (returned = v));
        if (item === null) throw stopIteration(rt, returned);
        return item;
      };
    case '__next__':
      return (self, args) => next(rt, [self, ...args.slice(1)]);
    case 'close':
      return (self) => (genClose(self), rt.none());
    default:
      return undefined;
  }
}
