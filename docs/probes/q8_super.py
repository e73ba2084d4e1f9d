# super() and the implicit __class__ cell in CPython 3.11 (Objects/typeobject.c, Python/compile.c):
# - a function in a class body that loads `super` or `__class__` gets the free variable __class__;
#   the class body makes the cell (MAKE_CELL), stores it as __classcell__ and returns it; type_new
#   fills it with the class and deletes __classcell__ from the class dict: sys.getrefcount(C) is
#   one more per class whose methods use super (one cell per class, not per method);
# - super_vectorcall takes no argument tuple (tracemalloc peak = the super object's 56 bytes); the
#   super object is GC-tracked, 56 bytes with its GC head, allocated before its arguments are
#   checked; LOAD_METHOD on it makes a bound method (64 bytes) and drops the super object at once,
#   then PRECALL unpacks the method and drops it before the call: super().f() is net zero for
#   gc.get_count();
# - object.__init__ and object.__repr__ reached through super() are method-wrappers (48 bytes, GC).
# Run: python3 docs/probes/q8_super.py
import gc, sys, tracemalloc
class A:
    def __init__(self):
        super().__init__()
    def f(self):
        return 1
class B(A):
    def __init__(self):
        s = super()
        print('super', sys.getsizeof(s), gc.is_tracked(s), type(s).__name__, s)
        m = s.__init__
        print('bound', type(m).__name__, sys.getsizeof(m), gc.is_tracked(m))
        w = super(A, self).__init__
        print('object.__init__', type(w).__name__, sys.getsizeof(w), gc.is_tracked(w))
        super().__init__()
    def f(self):
        return super().f() + 1
    def g(self):
        return 5
print('refcounts with one cell each', sys.getrefcount(A), sys.getrefcount(B))
print('closure', B.f.__code__.co_freevars, B.f.__closure__[0].cell_contents, '__classcell__' in B.__dict__)
b = B()
r = [None] * 8
gc.collect()
r[0] = gc.get_count(); b.g(); r[1] = gc.get_count(); b.f(); r[2] = gc.get_count(); b.f(); r[3] = gc.get_count()
print('super().f() is net zero like b.g()', r[:4])
tracemalloc.start()
tracemalloc.reset_peak()
c0 = tracemalloc.get_traced_memory()[0]
s = super(B, b)
c1, p1 = tracemalloc.get_traced_memory()
print('two-argument super: current, peak', c1 - c0, p1 - c0)
tracemalloc.reset_peak()
c0 = tracemalloc.get_traced_memory()[0]
m = s.f
c1, p1 = tracemalloc.get_traced_memory()
print('lookup: current, peak', c1 - c0, p1 - c0)
tracemalloc.stop()
print(super(B, b), super(B, B), super(B))
for text, call in [('super(1)', lambda: super(1)), ('super(A, b, 3)', lambda: super(A, b, 3)),
                   ('super(x=1)', lambda: super(x=1)), ('super(B, A())', lambda: super(B, A())),
                   ('no arguments', lambda: super()), ('super(A, b).x', lambda: super(A, b).x),
                   ('object.__init__(1)', lambda: super(A, b).__init__(1))]:
    try:
        print(text, call())
    except Exception as e:
        print(text, type(e).__name__, e)
