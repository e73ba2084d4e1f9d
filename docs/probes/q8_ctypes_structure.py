# Q8: ctypes.Structure over an object (CPython 3.11): from_address makes one GC-tracked CDataObject
# that holds its class; c_long fields at offset 0 and 8 read ob_refcnt and ob_type; the errors.
import ctypes, sys, gc
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
