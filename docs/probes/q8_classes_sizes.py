# sys.getsizeof of classes (3.11): type___sizeof__ is sizeof(PyHeapTypeObject) = 904 plus, for a class
# with a managed dict, _PyDict_KeysSize of its cached keys (768: 64 index bytes, 42 unicode entries);
# a static type is a PyTypeObject (408). __basicsize__/__dictoffset__/__weakrefoffset__ for the layout,
# and __sizeof__ of builtins (sys.getsizeof less the GC head). CPython 3.11.7 prints, in order:
#   C 1688 1672 24 -48 16
#   S 920 904 32 0 0
#   D 1688 1672 24 -48 16
#   E 920 904 80 16 72
#   SD 1688 1672 16 -40 0
#   SW 920 904 24 0 16
#   DS 1688 1672 32 -48 16
#   object 424 408 16 0 0
#   int 424 408 24 0 0
#   type 424 408 904 264 368
#   56 24 296 280
#   16 16
#   40 40 48 52 28 24 200
#   40 <class 'mappingproxy'> 24
#   __main__ C (<class '__main__.C'>, <class 'object'>) (<class 'object'>,) (<class '__main__.D'>, <class '__main__.C'>, <class 'object'>) (<class '__main__.C'>,) C
#   ['__module__', '__init__', '__dict__', '__weakref__', '__doc__'] ['__module__', '__slots__', 'x', 'y', '__doc__'] ['__module__', '__doc__'] ['__module__', '__weakref__', '__doc__']
#   136 152
import sys
class C:
    def __init__(self, x, y):
        self.x = x; self.y = y
class S:
    __slots__ = ("x", "y")
class D(C): pass
class E(Exception): pass
class SD:
    __slots__ = ("__dict__",)
class SW:
    __slots__ = ("__weakref__",)
class DS(C):
    __slots__ = ("z",)
for k in (C, S, D, E, SD, SW, DS, object, int, type):
    print(k.__name__, sys.getsizeof(k), type.__sizeof__(k), k.__basicsize__, k.__dictoffset__, k.__weakrefoffset__)
c = C(1, 2)
print(sys.getsizeof(c), c.__sizeof__(), sys.getsizeof(c.__dict__), c.__dict__.__sizeof__())
o = object()
print(sys.getsizeof(o), o.__sizeof__())
print([].__sizeof__(), (1,2).__sizeof__(), {}.__sizeof__(), "abc".__sizeof__(), (5).__sizeof__(), 1.5.__sizeof__(), set().__sizeof__())
print(sys.getsizeof(C.__dict__), type(C.__dict__), C.__dict__.__sizeof__())
print(C.__module__, C.__qualname__, C.__mro__, C.__bases__, D.__mro__, D.__bases__, C.__name__)
print(list(C.__dict__.keys()), list(S.__dict__.keys()), list(D.__dict__), list(E.__dict__))
def f(): pass
print(f.__sizeof__(), sys.getsizeof(f))
