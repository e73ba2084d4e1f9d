/**
 * Programs for weakref's containers (WeakValueDictionary, WeakKeyDictionary, WeakSet) and
 * ctypes.Structure, each deterministic on CPython 3.11 (no addresses, no hash-dependent order):
 * refcounts, gc.get_count() deltas and callbacks around each operation, so a modelling mistake shows.
 */
export const WEAK_CONTAINER_PROGRAMS: Record<string, string> = {
  'ctypes.Structure reads ob_refcnt and ob_type': `import ctypes, sys, gc
class P(ctypes.Structure):
    _fields_ = [("refcnt", ctypes.c_long), ("typ", ctypes.c_ssize_t)]
l = [1, 2, 3]
gc.collect()
p = P.from_address(id(l))
print(gc.get_count(), gc.is_tracked(p), gc.get_referents(p) == [P])
print(p.refcnt, p.typ == id(list), sys.getrefcount(l))
m = l
print(p.refcnt, P.from_address(id(m)).refcnt)
class A:
    pass
a = A()
print(P.from_address(id(a)).typ == id(A), P.from_address(id(a)).refcnt)
try:
    p.nope
except AttributeError as e:
    print(e)
try:
    P.from_address()
except TypeError as e:
    print(e)
try:
    P.from_address('x')
except TypeError as e:
    print(e)
try:
    ctypes.Structure.from_address(id(l))
except TypeError as e:
    print(e)
print(type(p).__name__, sys.getrefcount(P))
del p
print(sys.getrefcount(P))
gc.collect()
print(gc.get_count())
`,
  'ctypes.Structure reads the refcount of cycles gc left alone': `import gc, ctypes
class PyObject(ctypes.Structure):
    _fields_ = [("refcnt", ctypes.c_long)]
gc.disable()
lst = []
lst.append(lst)
lst_address = id(lst)
del lst
object_1 = {}
object_2 = {}
object_1['obj2'] = object_2
object_2['obj1'] = object_1
obj_address = id(object_1)
del object_1, object_2
print(PyObject.from_address(obj_address).refcnt)
print(PyObject.from_address(lst_address).refcnt)
print(gc.collect())
print(PyObject.from_address(lst_address).refcnt)
`,
  'WeakValueDictionary: counts, sizes and refcounts of each operation': `import gc, sys, weakref
class A:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f'A({self.n})'
    def __del__(self):
        print('del', self.n)
a = A(1); b = A(2); c = A(3)
for i in range(2):
    gc.collect()
    d = weakref.WeakValueDictionary()
    print(i, "WVD()", gc.get_count())
    gc.collect()
    d['k'] = a
    print(i, "first item", gc.get_count(), weakref.getweakrefcount(a))
    gc.collect()
    d['j'] = b
    print(i, "second item", gc.get_count())
    gc.collect()
    d['j'] = c
    print(i, "replace item", gc.get_count())
    gc.collect()
    x = d.get('k')
    print(i, "get", gc.get_count(), x, d.get('zz'), d.get('zz', 5))
    gc.collect()
    x = d['k']
    print(i, "getitem", gc.get_count(), x)
    gc.collect()
    n = len(d)
    print(i, "len", gc.get_count(), n)
    gc.collect()
    t = 'k' in d
    print(i, "in", gc.get_count(), t, 'q' in d)
    gc.collect()
    ks = d.keys()
    print(i, "keys()", gc.get_count(), sys.getsizeof(ks), type(ks).__name__)
    gc.collect()
    l = list(ks)
    print(i, "list(keys)", gc.get_count(), l)
    print(list(d.values()), list(d.items()), list(d))
    del ks, l
    gc.collect()
    del d
    print(i, "del d", gc.get_count())
d = weakref.WeakValueDictionary()
print(sys.getrefcount(d), sys.getsizeof(d), [type(r).__name__ for r in gc.get_referents(d)][1:4])
print(list(d.__dict__.keys()))
d['a'] = A(10)
print(len(d), 'a' in d)
e = A(11)
d['e'] = e
print(sys.getrefcount(e), len(d))
del e
print(len(d), list(d.keys()), bool(d))
try:
    d['e']
except KeyError as err:
    print('KeyError', err)
print(d.pop('zz', 'dflt'), d.setdefault('s', c), d.pop('s'))
print(type(d).__name__, d.__class__.__name__)
`,
  'WeakValueDictionary: callbacks, removals queued during iteration, cycles': `import gc, sys, weakref
class A:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f'A({self.n})'
    def __del__(self):
        print('del', self.n)
d = weakref.WeakValueDictionary()
objs = [A(i) for i in range(5)]
for o in objs:
    d[o.n] = o
print(len(d), weakref.getweakrefcount(objs[0]))
it = d.items()
print(next(it))
del objs[1]
print(len(d.data), len(d._pending_removals), d._pending_removals)
print(next(it))
del objs[2]
print(list(it))
print(len(d.data), len(d._pending_removals), len(d), sorted(d.data) if False else list(d.data))
def cb(w):
    print('cb', type(w).__name__)
x = A(9)
r = weakref.ref(x, cb)
d['x'] = x
d2 = weakref.WeakValueDictionary()
d2['x'] = x
print(weakref.getweakrefcount(x), [type(w).__name__ for w in weakref.getweakrefs(x)])
gc.collect()
del x
print(len(d), len(d2), 'x' in d)
gc.collect()
d3 = weakref.WeakValueDictionary()
for i in range(3):
    a = A(100 + i)
    a.me = a
    d3[i] = a
del a
print(len(d3), gc.collect(), len(d3))
print(gc.get_count())
k = A(50)
d3['k'] = k
del d3
print('d3 gone', weakref.getweakrefcount(k))
del k
e = weakref.WeakValueDictionary()
e[1] = e2 = A(7)
e.pop(1)
print(len(e), e.get(1))
try:
    del e[5]
except KeyError as err:
    print('KeyError', err)
try:
    e.pop(5)
except KeyError as err:
    print('KeyError', err)
print(gc.collect(), gc.get_count())
w = weakref.WeakValueDictionary({'a': e2, 'b': e2})
print(len(w), sorted(w.keys()) if False else list(w.keys()), weakref.getweakrefcount(e2))
g = w.values()
print(sys.getrefcount(w), next(g), sys.getrefcount(w), len(w._iterating))
del g
print(len(w._iterating), sys.getrefcount(w))
`,
  'WeakValueDictionary: collections triggered inside each operation (thresholds 1 to 25)': `import gc, weakref
class A:
    pass
a = A()
b = A()
gc.collect()
for t in range(1, 26):
    gc.collect()
    gc.set_threshold(t)
    d = weakref.WeakValueDictionary()
    c1 = gc.get_count()
    d['k'] = a
    c2 = gc.get_count()
    d['j'] = b
    d['k'] = b
    c3 = gc.get_count()
    ks = list(d.keys())
    c4 = gc.get_count()
    vs = list(d.items())
    c5 = gc.get_count()
    x = d.get('k'), len(d), 'j' in d
    c6 = gc.get_count()
    del d, ks, vs
    gc.set_threshold(700)
    print(t, c1, c2, c3, c4, c5, c6)
`,
  "WeakValueDictionary: type, repr and CPython's argument errors": `import weakref
d = weakref.WeakValueDictionary()
print(type(d), type(d).__name__, isinstance(d, weakref.WeakValueDictionary))
print(repr(d) == f'<WeakValueDictionary at {hex(id(d))}>', str(d) == repr(d))
try:
    d.get()
except TypeError as e:
    print(e)
try:
    d.get(1, 2, 3)
except TypeError as e:
    print(e)
try:
    d.keys(1)
except TypeError as e:
    print(e)
try:
    d.pop()
except TypeError as e:
    print(e)
try:
    d.setdefault()
except TypeError as e:
    print(e)
try:
    d.setdefault(1, 2, 3)
except TypeError as e:
    print(e)
try:
    weakref.WeakValueDictionary(1, 2)
except TypeError as e:
    print(e)
try:
    d.items(1, 2)
except TypeError as e:
    print(e)
try:
    d['x'] = 5
except TypeError as e:
    print(e)
print(len(d), bool(d), d.get('x', 'none'))
m = d.get
print(m('y', 1))
g = d.keys()
print(type(g).__name__, list(g), list(g))
`,
  'WeakValueDictionary: a value without weakrefs raises TypeError and leaks nothing': `import gc, sys, weakref
class S:
    __slots__ = 'items', 'name'
    def __init__(self, name):
        self.name = name
class K:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
a = [K('o0')]
wd = weakref.WeakValueDictionary()
s = S('s')
try:
    wd[0] = s
except TypeError as e:
    print(e, len(wd))
gc.collect()
print(gc.get_count())
`,
};
