/**
 * Small programs covering the subset, each deterministic on CPython 3.11 (no addresses, no
 * hash-dependent order); the runner compares the simulator's stdout and exit status with python3.
 */
import { FORMAT_FAILING, FORMAT_PROGRAMS } from './format-programs';
import { FLOAT_FAILING, FLOAT_PROGRAMS } from './float-programs';
import { GENERATOR_FAILING, GENERATOR_PROGRAMS } from './generator-programs';

export const PROGRAMS: Record<string, string> = {
  ...FORMAT_PROGRAMS,
  ...FLOAT_PROGRAMS,
  ...GENERATOR_PROGRAMS,
  // compiler_set_qualname and object_repr: a class made in a function is f.<locals>.A
  'qualname and repr of classes made in functions': `def f():
    class A:
        def m(self):
            return super().__repr__().split(' object at ')[0]
    return A()
a = f()
print(type(a).__qualname__, type(a).m.__qualname__)
print(repr(a).split(' object at ')[0], a.m())
class B:
    def g(self):
        class C:
            pass
        return C
print(B().g().__qualname__, str(B().g()()).split(' object at ')[0])
`,
  'refcount positions': `import sys
x = []
print(sys.getrefcount(x))
print(x, sys.getrefcount(x))
print(sys.getrefcount(x), len(x))
a = b = x
print(sys.getrefcount(x))
def f(p):
    return sys.getrefcount(p)
print(f(x), f([]))
class A:
    def __init__(self):
        print('init', sys.getrefcount(self))
    def m(self):
        return sys.getrefcount(self)
o = A()
print(o.m(), A().m())
bm = o.m
print(sys.getrefcount(o))
d = {'k': [1]}
for k, v in d.items():
    print(k, sys.getrefcount(v))
print(sys.getrefcount(d['k']))
`,
  'collect counts': `import gc
gc.disable()
gc.collect()
l = []
l.append(l)
del l
print(gc.collect())
d = {}
d[1] = d
del d
print(gc.collect())
class N:
    pass
n = N()
n.me = n
del n
print(gc.collect())
m = N()
m.me = m
m.__dict__
del m
print(gc.collect())
t = ([],)
t[0].append(t)
del t
print(gc.collect())
print(gc.get_count())
print(gc.collect(0), gc.get_count(), gc.collect(1), gc.get_count(), gc.collect(2), gc.get_count())
`,
  'finalizer order': `import gc
gc.disable()
gc.collect()
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
lst = [D(1), D(2), D(3)]
del lst
dd = {'a': D('a'), 'b': D('b')}
del dd
t = (D('t1'), D('t2'))
del t
a = D('A')
b = D('B')
a.o = b
b.o = a
del a, b
print(gc.collect())
c = D('c')
c = D('c2')
print('end')
`,
  'weakref callbacks': `import gc, weakref
gc.disable()
gc.collect()
class T:
    pass
def cb(r):
    print('callback', r() is None)
x = T()
r1 = weakref.ref(x, cb)
r2 = weakref.ref(x)
r3 = weakref.ref(x)
print(r2 is r3, r1 is r2)
del x
print(r2() is None)
y = T()
y.me = y
w = weakref.ref(y, cb)
z = T()
z.me = z
z.w = weakref.ref(z, cb)
del y, z
print(gc.collect())
`,
  'gc callbacks and thresholds': `import gc
gc.collect()
def cb(phase, info):
    print(phase, info['generation'], info['collected'], info['uncollectable'])
gc.callbacks.append(cb)
l = []
l.append(l)
del l
gc.collect(1)
gc.callbacks.remove(cb)
gc.set_threshold(10)
keep = []
i = 0
while i < 30:
    keep.append([])
    i += 1
print(gc.get_count())
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
`,
  'built-ins as callbacks': `import gc
gc.collect()
gc.callbacks.append(print)
l = []
l.append(l)
del l
gc.collect(1)
gc.callbacks.clear()
add = [].append
add(1)
print(add.__self__ if False else 'bound')
`,
  'resurrection and is_finalized': `import gc
gc.disable()
gc.collect()
saved = []
class P:
    def __del__(self):
        print('del P')
        saved.append(self)
p = P()
p.me = p
del p
print(gc.collect(), len(saved), gc.is_finalized(saved[0]))
saved.clear()
print(gc.collect())
`,
  'saveall and garbage': `import gc
gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
l = []
l.append(l)
del l
print(gc.collect(), len(gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
`,
  sizes: `import sys
print(sys.getsizeof([]), sys.getsizeof([1, 2]), sys.getsizeof([1, 2, 3]), sys.getsizeof([1, 2, 3, 4, 5]))
d = {}
sizes = []
for i in range(12):
    d[i] = i
    sizes.append(sys.getsizeof(d))
print(sizes)
s = {}
for k in ['a', 'b', 'c', 'd', 'e', 'f']:
    s[k] = 1
print(sys.getsizeof(s), sys.getsizeof({'a': 1}), sys.getsizeof(set()), sys.getsizeof({1, 2, 3, 4, 5}))
print(sys.getsizeof(()), sys.getsizeof((1, 2)), sys.getsizeof(0), sys.getsizeof(1073741824))
class S:
    __slots__ = ('a', 'b')
class W:
    pass
print(sys.getsizeof(S()), sys.getsizeof(W()))
lst = [0, 1, 2]
lst.insert(0, 5)
lst.extend([7, 8])
print(sys.getsizeof(lst), len(lst))
lst.clear()
print(sys.getsizeof(lst))
`,
  'language features': `x = 10
y = 3
print(x // y, x % y, -x // y, -x % y, x * y - 1, x + -y)
print(x > y, x == 10, x != 10, 1 < x < 20, x is x, 3 in [1, 2, 3], 4 not in (1, 2))
print(True and 0, 0 or 'z', not x, None or [], x if y else 0)
print([1, 'two', None, True, (1,), {'k': [2]}], 'it\\'s', "q\\"q")
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
print(fact(20))
count = 0
def bump(step=1):
    global count
    count += step
bump()
bump(5)
print(count)
total = 0
for i in range(10):
    if i == 7:
        break
    if i % 2:
        continue
    total += i
print(total)
d = {'a': 1}
d.setdefault('b', 2)
print(d.get('a'), d.get('zz', 0), d.pop('a'), list(d.keys()), list(d.values()), list(d.items()))
l = [3, 1, 2]
l.remove(1)
print(l.index(2), l.pop(), l, isinstance(l, list), isinstance(3, int), len('abc'))
class Base:
    kind = 'base'
    def hello(self):
        return 'hello from ' + self.kind
class Child(Base):
    kind = 'child'
print(Child().hello(), isinstance(Child(), Base), Base.kind)
a, b = 1, 2
print(a, b)
`,
  'dict_traverse: an all-str dict reports only its values to get_referents, get_referrers and the collector': `import gc
class A:
    pass
x = A()
d = {'a': x, 'b': [1]}
r = gc.get_referents(d)
print(len(r), r[0] is x, r[1])
g = {1: x, 'k': 2}
print(len(gc.get_referents(g)), gc.get_referents(g)[1])
g.pop(1)
print(len(gc.get_referents(g)))
print(gc.get_referents({}), gc.get_referents({'x': None}))
k = 'zz' + 'top'
s = {k: x}
t = {k: x, 2: 3}
found_s = False
found_t = False
for r in gc.get_referrers(k):
    if r is s:
        found_s = True
    if r is t:
        found_t = True
print(found_s, found_t)
n = A()
c = {'self': n}
n.c = c
del n, c
print(gc.collect())
`,
  'sys.getsizeof of every kind, each size derived from core/sizes.ts': `import sys
import weakref
class A:
    pass
class S:
    __slots__ = ('x', 'y')
def f():
    pass
a = A()
print(sys.getsizeof(None), sys.getsizeof(True), sys.getsizeof(0), sys.getsizeof(1073741824), sys.getsizeof(1237940039285380274899124224))
print(sys.getsizeof(''), sys.getsizeof('abc'), sys.getsizeof('é'), sys.getsizeof('€'))
print(sys.getsizeof(()), sys.getsizeof((1, 2, 3)), sys.getsizeof([]), sys.getsizeof([1, 2, 3]))
print(sys.getsizeof({}), sys.getsizeof({'a': 1}), sys.getsizeof({1: 1}), sys.getsizeof({1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6}))
print(sys.getsizeof(set()), sys.getsizeof({1, 2, 3, 4, 5}), sys.getsizeof(a), sys.getsizeof(S()))
print(sys.getsizeof(f), sys.getsizeof(A), sys.getsizeof(weakref.ref(a)), sys.getsizeof(range(3)))
print(sys.getsizeof({}.keys()), sys.getsizeof(sys))
`,
  'module functions taking keyword arguments (Argument Clinic, PyArg_ParseTupleAndKeywords)': `import gc
import sys
class A:
    pass
a = A()
a.me = a
del a
print(gc.collect(generation=2), gc.collect(generation=0))
print(sys.getsizeof(object=[]), sys.getsizeof([], 0))
gc.set_threshold(500, 5)
print(gc.get_threshold(), len(gc.get_referents([1, 2])))
`,
};

/** Programs ending with an error: stdout up to the error and exit status 1 must match. */
/** Wrong calls of gc, sys and weakref functions: each CPython calling convention has its own message. */
const MODULE_CALL_ERRORS: readonly (readonly [string, string])[] = [
  ['gc.get_count(1)', 'TypeError: gc.get_count() takes no arguments (1 given)'],
  ['gc.enable(x=1)', 'TypeError: gc.enable() takes no keyword arguments'],
  ['gc.is_tracked()', 'TypeError: gc.is_tracked() takes exactly one argument (0 given)'],
  ['sys.getrefcount(1, 2)', 'TypeError: sys.getrefcount() takes exactly one argument (2 given)'],
  ['gc.set_debug(x=1)', 'TypeError: gc.set_debug() takes no keyword arguments'],
  ['gc.set_debug([])', "TypeError: 'list' object cannot be interpreted as an integer"],
  ['gc.collect(1, 2)', 'TypeError: collect() takes at most 1 argument (2 given)'],
  ['gc.collect(1, generation=1)', 'TypeError: collect() takes at most 1 argument (2 given)'],
  ['gc.collect(x=1)', "TypeError: 'x' is an invalid keyword argument for collect()"],
  ["gc.collect('2')", "TypeError: 'str' object cannot be interpreted as an integer"],
  ['gc.get_objects(1, 2)', 'TypeError: get_objects() takes at most 1 argument (2 given)'],
  ["gc.get_objects('x')", "TypeError: argument should be integer or None, not 'str'"],
  ['gc.set_threshold()', 'TypeError: set_threshold() takes at least 1 argument (0 given)'],
  ['gc.set_threshold(1, 2, 3, 4)', 'TypeError: set_threshold() takes at most 3 arguments (4 given)'],
  ['gc.set_threshold(threshold0=1)', 'TypeError: set_threshold() takes no keyword arguments'],
  ['gc.get_referents(x=1)', 'TypeError: get_referents() takes no keyword arguments'],
  ['sys.getsizeof()', "TypeError: getsizeof() missing required argument 'object' (pos 1)"],
  ['sys.getsizeof(1, 2, 3)', 'TypeError: getsizeof() takes at most 2 arguments (3 given)'],
  ['sys.getsizeof(1, object=1)', "TypeError: argument for getsizeof() given by name ('object') and position (1)"],
  ['sys.getsizeof(1, x=1)', "TypeError: 'x' is an invalid keyword argument for getsizeof()"],
  ['sys._debugmallocstats(1)', 'TypeError: sys._debugmallocstats() takes no arguments (1 given)'],
  ['weakref.ref()', 'TypeError: __new__ expected at least 1 argument, got 0'],
];

export const FAILING: Record<string, { source: string; lastLine: string }> = {
  ...FORMAT_FAILING,
  ...FLOAT_FAILING,
  ...GENERATOR_FAILING,
  ...Object.fromEntries(
    MODULE_CALL_ERRORS.map(([call, lastLine]) => [
      call,
      { source: `import gc\nimport sys\nimport weakref\nprint('before')\nprint(${call})\n`, lastLine },
    ]),
  ),
  NameError: { source: "print('before')\nprint(nope)\n", lastLine: "NameError: name 'nope' is not defined" },
  AttributeError: {
    source: 'class A:\n    pass\nA().x\n',
    lastLine: "AttributeError: 'A' object has no attribute 'x'",
  },
  IndexError: { source: 'l = [1]\nl[5]\n', lastLine: 'IndexError: list index out of range' },
  KeyError: { source: "d = {}\nd['k']\n", lastLine: "KeyError: 'k'" },
  ZeroDivisionError: { source: 'x = 0\n1 // x\n', lastLine: 'ZeroDivisionError: integer division or modulo by zero' },
  TypeError: { source: "1 + 'a'\n", lastLine: "TypeError: unsupported operand type(s) for +: 'int' and 'str'" },
  'error in a function, __del__ at exit': {
    source: "class D:\n    def __del__(self):\n        print('del')\ndef f():\n    d = D()\n    return 1 // 0\nf()\n",
    lastLine: 'ZeroDivisionError: integer division or modulo by zero',
  },
};
