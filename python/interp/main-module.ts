/**
 * The `__main__` module's namespace as CPython 3.11 hands it to a script (`python3 FILE`): the
 * nine names pyrun_file and the import system put there before the first line runs, in their
 * order. Their number matters beyond `globals()`: the dict's keys table grows when the program's
 * own globals are added (its eleventh name), which `sys.getsizeof(globals())` and tracemalloc see.
 */
import type { Runtime } from '../../core/runtime';
import type { PyObject } from '../../core/objects/pyobject';
import { PyType } from '../../core/objects/pytype';
import { Kind } from '../../core/objects/kinds';
import { dictSetItem, newDict } from '../../core/objects/dict';
import { newModule } from '../../core/objects/moduleobject';

/** The loader importlib gives `__main__` (`<_frozen_importlib_external.SourceFileLoader object at …>`). */
const SOURCE_FILE_LOADER = new PyType('_frozen_importlib_external.SourceFileLoader', Kind.Descriptor, true, false);

/** Fill a fresh `__main__` namespace for the script at `filename` (`__file__`). */
export function initMainNamespace(
  rt: Runtime,
  globals: PyObject,
  nameStr: (name: string) => PyObject,
  filename: string,
): void {
  const loader = rt.alloc(SOURCE_FILE_LOADER);
  loader.refs = [];
  rt.track(loader);
  for (const [name, value] of [
    ['__name__', rt.str('__main__')],
    ['__doc__', rt.none()],
    ['__package__', rt.none()],
    ['__loader__', loader],
    ['__spec__', rt.none()],
    ['__annotations__', newDict(rt)],
    ['__builtins__', rt.newRef(newModule(rt, 'builtins'))],
    ['__file__', rt.str(filename)],
    ['__cached__', rt.none()],
  ] as const) {
    dictSetItem(rt, globals, nameStr(name), value);
    rt.decref(value);
  }
}
