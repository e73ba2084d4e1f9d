# A class's namespace in 3.11: __module__, (__qualname__, popped into ht_qualname), __annotations__,
# __doc__, the body, then the __dict__/__weakref__ getsets and __doc__ = None; C.__dict__ is a new
# mappingproxy (one GC allocation) per access; __mro__/__bases__ are held by the class. CPython 3.11.7:
#   ['__module__', '__annotations__', '__doc__', 'x', 'f', '__dict__', '__weakref__']
#   ['__module__', '__dict__', '__weakref__', '__doc__'] None __main__ B doc
#   1 mappingproxy
#   2 False True
#   (<class '__main__.B'>, <class 'object'>) (<class 'object'>,) <class 'tuple'>
#   2 2 5
#   (0, 0, 0)
#   (3, 0, 0)
#   __main__ 4 True
#   {'__module__': '__main__', '__dict__': <attribute '__dict__' of 'B' objects>, '__weakref__': <attribute '__weakref__' of 'B' objects>, '__doc__': None}
import sys, gc
class A:
    "doc"
    x: int = 1
    def f(self): pass
print(list(A.__dict__))
class B: pass
print(list(B.__dict__), B.__doc__, B.__module__, B.__qualname__, A.__doc__)
print(sys.getrefcount(B.__dict__), type(B.__dict__).__name__)
m = B.__dict__
print(sys.getrefcount(m), m is B.__dict__, B.__dict__ == B.__dict__)
print(B.__mro__, B.__bases__, type(B.__mro__))
print(sys.getrefcount(B.__mro__), sys.getrefcount(B.__bases__), sys.getrefcount(B))
gc.collect(); print(gc.get_count()); x = B.__dict__; print(gc.get_count())
print(B.__dict__['__module__'], len(B.__dict__), '__doc__' in B.__dict__)
print(m)
