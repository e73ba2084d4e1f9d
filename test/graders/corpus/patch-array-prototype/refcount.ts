import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// Forgery attempt: leaky, and hides the leaked objects from the snapshots by patching Array.prototype.
const realPush = Array.prototype.push;
Array.prototype.push = function (this: unknown[], ...items: unknown[]) {
  return realPush.apply(this, items);
};
const realMap = Array.prototype.map;
Array.prototype.map = function <T, U>(this: T[], f: (value: T, index: number, array: T[]) => U): U[] {
  const kept = this.filter((x) => !(typeof x === 'object' && x !== null && (x as { refcnt?: number }).refcnt === 0));
  return realMap.call(kept, f as never) as U[];
};

// Leaky: a count that reaches zero never deallocates.
export function makeRefCounting(_rt: Runtime): RefCounting {
  return {
    incref(op: PyObject) {
      op.refcnt += 1;
    },
    decref(op: PyObject) {
      op.refcnt -= 1;
    },
  };
}
