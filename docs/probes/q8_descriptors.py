# Q8: what property, staticmethod and classmethod hold and allocate on CPython 3.11.7
# (python/interp/descriptors.ts, core/objects/descrobject.ts). Run with python3.
import gc, sys

def f():
    'hello'

def g():
    pass

# sizes (with the GC head): property 80, staticmethod/classmethod 48; all GC-tracked
p, s, c = property(f), staticmethod(f), classmethod(f)
print(sys.getsizeof(p), sys.getsizeof(s), sys.getsizeof(c), gc.is_tracked(p), gc.is_tracked(s), gc.is_tracked(c))
# property_traverse: fget, fset, fdel, doc, name. The doc comes from the getter (None kept),
# an explicit None doc is kept, property() has none: [f, 'hello'] [g, None] [] [None]
print(gc.get_referents(property(f)), gc.get_referents(property(g)), gc.get_referents(property()))
print(gc.get_referents(property(None, None, None, None)))
# functools_wraps: a dict with __module__, __name__, __qualname__, __doc__, __annotations__, and
# g.__annotations__ is made (an empty dict the function keeps)
print(gc.get_referents(staticmethod(g))[1])
print(g.__annotations__ is gc.get_referents(staticmethod(g))[1]['__annotations__'])

# __set_name__ at class creation gives the property its name; .setter copies (getter_doc: doc None)
class A:
    @property
    def x(self):
        return 1
    @x.setter
    def x(self, v):
        pass
print(gc.get_referents(A.__dict__['x']))

# gc counts after each (print's and get_count's own allocations included): (0) (3) (5) (7);
# test/python/interp/decorator-programs.ts checks the same shapes against the simulator
gc.collect()
print(gc.get_count())
q = property(g)
print(gc.get_count())
s1 = staticmethod(g)
print(gc.get_count())
s2 = staticmethod(f)
print(gc.get_count())

# a classmethod makes a new bound method on each lookup; a staticmethod hands back the function
class B:
    @classmethod
    def m(cls):
        pass
    @staticmethod
    def n():
        pass
print(B.m is B.m, B.n is B.n, type(B.m).__name__, sys.getsizeof(B.m))
# missing accessors, in words
try:
    A().x = None
    del A().x
except AttributeError as e:
    print(e)
