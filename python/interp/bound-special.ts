/**
 * A special method bound for the length of one C-level call. When C code looks a special method
 * up with _PyObject_LookupSpecial (`sys.getsizeof`'s `__sizeof__`, among others), the
 * descriptor's `__get__` binds it: a builtin_function_or_method, a GC allocation that can start a
 * collection before the method runs, freed right after the call. Net zero for gc.get_count(), but
 * where an automatic collection runs depends on it (docs/probes/q8_getsizeof_method.py).
 */
import type { Runtime } from '../../core/runtime';
import { TYPES } from '../../core/objects/pytype';

/** Runs `call` while a bound method object, allocated and GC-tracked first, is alive. */
export function withBoundSpecial<T>(rt: Runtime, call: () => T): T {
  const method = rt.alloc(TYPES.builtinMethod);
  rt.track(method);
  try {
    return call();
  } finally {
    rt.decref(method);
  }
}
