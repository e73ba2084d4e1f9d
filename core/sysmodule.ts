/** The memory parts of the `sys` module as a TypeScript API over a runtime. */
import type { Runtime } from './runtime';
import type { PyObject } from './objects/pyobject';
import { getsizeof } from './sizes';

export class SysModule {
  constructor(private readonly rt: Runtime) {}

  /** sys.getrefcount(obj): the count itself; a caller passing obj as an argument holds one of them. */
  getrefcount(op: PyObject): number {
    return op.refcnt;
  }

  /** sys.getsizeof(obj): __sizeof__ plus the GC (and managed-dict) pre-header. */
  getsizeof(op: PyObject): number {
    return getsizeof(this.rt.profile, op);
  }
}
