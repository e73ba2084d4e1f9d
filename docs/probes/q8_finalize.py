# Q8: what weakref.finalize allocates and holds (CPython 3.11), and when its callback runs.
# gc.get_count()[0] after a gc.collect() counts GC allocations minus deallocations since; the
# collection empties the free lists, so each temporary tuple or dict shows as one.
import gc, sys, weakref
class A:
    def __del__(self):
        print("del A", self.n)
def f(x=None):
    print("f called", x, gc.get_count())
def g(x):
    print("g", x, "refcount of g", sys.getrefcount(g))
a = A()
a.n = 1
b = A()
b.n = 2
c = A()
c.n = 3
gc.collect()
fa = weakref.finalize(a, f)
print("first finalize (registers _exitfunc with atexit):", gc.get_count())
gc.collect()
fb = weakref.finalize(b, f, 1)
print("with one extra argument:", gc.get_count())
gc.collect()
fc = weakref.finalize(c, print, "c", sep="-", end="!\n")
print("with an argument and a keyword:", gc.get_count())
gc.collect()
weakref.finalize(c, g, 7)
print("a result dropped at once:", gc.get_count())
print("refcounts: finalizer", sys.getrefcount(fa), "info", sys.getrefcount(weakref.finalize._registry[fa]), "f", sys.getrefcount(f))
print("weakrefs to c", weakref.getweakrefcount(c), "registry", len(weakref.finalize._registry))
print("sizes", sys.getsizeof(fa), sys.getsizeof(weakref.finalize._registry[fa]), gc.is_tracked(fa))
print("alive", fa.alive, "atexit", fa.atexit)
gc.collect()
print("peek", fa.peek()[1] is f, gc.get_count())
gc.collect()
print("call:", fa(), gc.get_count(), fa.alive, fa())
gc.collect()
del a
print("after del a", gc.get_count())
gc.collect()
del b
print("after del b (f called from the weakref callback)", gc.get_count())
gc.collect()
d = fc.detach()
print("detach", d[1] is print, d[2], d[3], fc.alive, fc.detach(), gc.get_count())
del d
gc.collect()
del c
print("after del c", gc.get_count())
print("end")
