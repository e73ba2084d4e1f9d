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
};
