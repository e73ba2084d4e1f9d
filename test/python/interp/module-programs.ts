/**
 * Programs using the modules beyond gc and sys (imports with `as` and `from`, sys.argv, weakref's
 * functions), each deterministic on CPython 3.11: refcounts, gc counts after a collection and
 * `__del__` output around each module function show a modelling mistake.
 */
export const MODULE_PROGRAMS: Record<string, string> = {
  'import as and from import': `import gc as g, sys
from weakref import ref as R, getweakrefcount
from gc import collect
from sys import getrefcount as rc
import weakref as wr
class A:
    def __del__(self):
        print('del A')
def f():
    import gc as gg
    from sys import getrefcount
    a = A()
    print(getrefcount(a), gg.collect(), getrefcount(gg.collect))
    return a
a = A()
r = R(a)
print(getweakrefcount(a), rc(r), wr.ref is R, g is gc if False else g.isenabled())
x = f()
del x
g.collect()
print(g.get_count(), collect(), rc(collect))
`,
  'sys.argv': `import sys
from sys import argv
print(sys.argv, sys.argv is argv, sys.getrefcount(argv))
`,
  'getweakrefcount and getweakrefs': `import weakref, gc, sys
class A:
    pass
def cb(r):
    print('callback', weakref.getweakrefcount(a) if False else r() is None)
a = A()
print(weakref.getweakrefcount(a), weakref.getweakrefs(a), weakref.getweakrefs(1))
r1 = weakref.ref(a)
r2 = weakref.ref(a, cb)
r3 = weakref.ref(a, cb)
gc.collect()
refs = weakref.getweakrefs(a)
print(gc.get_count(), len(refs), refs[0] is r1, refs[1] is r3, refs[2] is r2, sys.getrefcount(r2))
print(weakref.getweakrefcount(a), weakref.getweakrefcount(r1))
del refs
del a
print(weakref.getweakrefcount(r1), r1())
`,
  'ctypes reads ob_refcnt': `import gc, sys, ctypes
from ctypes import c_long
class A:
    pass
def ref_count(address):
    return ctypes.c_long.from_address(address).value
a = A()
gc.collect()
v = ctypes.c_long.from_address(id(a))
print('count after from_address', gc.get_count(), gc.is_tracked(v), sys.getrefcount(v))
print('value', v.value, sys.getrefcount(a), ref_count(id(a)))
gc.collect()
n = c_long.from_address(id(a)).value
print('count after .value', gc.get_count(), n)
b = a
print(ctypes.c_long.from_address(id(a)).value, v.value)
del a, b
print('freed instance', v.value)
l = []
l.append(l)
addr = id(l)
del l
print('cycle before collect', ref_count(addr))
print(gc.collect(), 'cycle after collect', ref_count(addr))
gc.collect()
w = ctypes.cast(id(v), ctypes.py_object)
print('count after cast', gc.get_count(), w.value is v, sys.getrefcount(v))
`,
};

/** Programs ending in an uncaught exception: the last line of stderr in CPython's words. */
export const MODULE_FAILING: Record<string, { source: string; lastLine: string }> = {
  'from import of a missing name': {
    source: `from gc import collect, nothere\nprint('not reached')\n`,
    lastLine: `ImportError: cannot import name 'nothere' from 'gc' (unknown location)`,
  },
  'getweakrefs with two arguments': {
    source: `import weakref\nweakref.getweakrefs(1, 2)\n`,
    lastLine: 'TypeError: _weakref.getweakrefs() takes exactly one argument (2 given)',
  },
};
