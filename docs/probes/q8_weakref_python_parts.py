# Q8: what the pure-Python parts of weakref allocate (CPython 3.11), to decide how to provide them.
# gc.get_count()[0] after gc.collect() counts GC allocations minus deallocations since.
import gc, sys, weakref
class A:
    pass
def f(*args, **kwargs):
    pass
a = A()
gc.collect()
fin = weakref.finalize(a, f)
print("first finalize: count", gc.get_count(), "registry", len(weakref.finalize._registry))
gc.collect()
fin2 = weakref.finalize(a, f, 1, k=2)
print("second finalize (args, kwargs): count", gc.get_count())
gc.collect()
print("refcount of finalize object", sys.getrefcount(fin), "of its info", sys.getrefcount(weakref.finalize._registry[fin]))
print("weakrefs to a", weakref.getweakrefcount(a))
gc.collect()
d = weakref.WeakValueDictionary()
print("WeakValueDictionary(): count", gc.get_count())
gc.collect()
d['k'] = a
print("one item: count", gc.get_count(), "weakrefs to a", weakref.getweakrefcount(a))
gc.collect()
k = weakref.WeakKeyDictionary()
k[a] = 1
print("WeakKeyDictionary() + one item: count", gc.get_count())
gc.collect()
p = weakref.proxy(a)
print("proxy: count", gc.get_count(), "weakrefs to a", weakref.getweakrefcount(a))
