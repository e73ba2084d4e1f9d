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
  'pprint lays out dicts, lists and tuples': `import pprint, gc
from pprint import pformat
data = {'zeta': list(range(30)), 'alpha': {'b': [1, 2, 3], 'a': (1,)}, 'mid': 'x' * 10, 3: None}
pprint.pprint([1, 2, 3])
pprint.pprint({'b': 1, 'a': 2})
pprint.pprint({'b': 1, 'a': 2}, sort_dicts=False)
pprint.pprint(data)
pprint.pprint(data, width=30)
print(pformat([list(range(12)), (1,), ('a' * 40, 'b' * 40)]))
pprint.pprint([{'k': [i] * 5} for i in range(8)] if False else [{'key': [1] * 20}, {'key': [2] * 20}, {'k': 1}])
print(gc.collect())
`,
  'weakref.proxy forwards attributes and keeps the list order': `import weakref, gc, sys
class A:
    def __init__(self, name):
        self.name = name
    def hello(self):
        return 'hello ' + self.name
    def __del__(self):
        print('del', self.name)
def cb(p):
    print('callback', weakref.getweakrefcount(p) if False else 'called')
a = A('a')
gc.collect()
p = weakref.proxy(a)
print(gc.get_count(), p.name, p.hello(), sys.getrefcount(a))
p2 = weakref.proxy(a)
r = weakref.ref(a)
p3 = weakref.proxy(a, cb)
r2 = weakref.ref(a, cb)
print(p2 is p, weakref.getweakrefcount(a), sys.getrefcount(p))
refs = weakref.getweakrefs(a)
print(refs[0] is r, refs[1] is p, refs[2] is r2, refs[3] is p3)
del refs
m = p.hello
del a
print(m())
del m
print(weakref.getweakrefcount(p), r())
`,
};

/** Programs ending in an uncaught exception: the last line of stderr in CPython's words. */
export const MODULE_FAILING: Record<string, { source: string; lastLine: string }> = {
  'from import of a missing name': {
    source: `from gc import collect, nothere\nprint('not reached')\n`,
    lastLine: `ImportError: cannot import name 'nothere' from 'gc' (unknown location)`,
  },
  'a proxy to a dead object': {
    source: `import weakref\nclass A:\n    pass\na = A()\na.x = 1\np = weakref.proxy(a)\nprint(p.x)\ndel a\nprint(p.x)\n`,
    lastLine: 'ReferenceError: weakly-referenced object no longer exists',
  },
  'proxy without arguments': {
    source: `import weakref\nweakref.proxy()\n`,
    lastLine: 'TypeError: proxy expected at least 1 argument, got 0',
  },
  'getweakrefs with two arguments': {
    source: `import weakref\nweakref.getweakrefs(1, 2)\n`,
    lastLine: 'TypeError: _weakref.getweakrefs() takes exactly one argument (2 given)',
  },
};
