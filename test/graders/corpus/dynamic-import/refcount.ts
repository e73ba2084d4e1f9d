import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// A computed dynamic import the bundler cannot see, reaching for the network and the file system.
const names = [['n', 'et'], ['f', 's']].map((parts) => parts.join(''));
let reached = 'nothing';
for (const name of names)
  import(name).then(
    () => (reached = name),
    (error: Error) => console.log('import refused: ' + error.message),
  );

export function makeRefCounting(rt: Runtime): RefCounting {
  if (reached !== 'nothing') throw new Error('reached ' + reached);
  return {
    incref(op: PyObject) {
      op.refcnt += 1;
    },
    decref(op: PyObject) {
      op.refcnt -= 1;
      if (op.refcnt === 0) rt.dealloc(op);
    },
  };
}
