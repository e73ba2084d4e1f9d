# map(func, *iterables) and filter(func_or_None, iterable) in CPython 3.11 (bltinmodule.c):
# map_vectorcall builds the tuple of iterators (each PyObject_GetIter), then the map object (GC,
# tracked); filter_vectorcall gets the iterator, then the filter object. Neither lets go of its
# function or iterators when exhausted (only `del` does). Run: python3 docs/probes/q8_map_filter.py
import gc, sys
class T:
    def __del__(self):
        print('del T')
xs = [1, -2, 3, 0]
f = lambda v: v * 2
gc.collect()
print('start', gc.get_count(), sys.getrefcount(xs), sys.getrefcount(f))
m = map(f, xs)
print('map made', gc.get_count(), sys.getrefcount(xs), sys.getrefcount(f))
print(type(m).__name__, sys.getsizeof(m), gc.is_tracked(m), gc.get_referents(m)[0] is f,
      type(gc.get_referents(m)[1]).__name__, len(gc.get_referents(m)))
m2 = map(f, xs, xs, 'abc', (), range(3), [])
print('map of 7', gc.get_count(), sys.getsizeof(m2), len(gc.get_referents(m2)))
fl = filter(None, xs)
print('filter made', gc.get_count(), sys.getrefcount(xs))
print(type(fl).__name__, sys.getsizeof(fl), gc.is_tracked(fl), [type(r).__name__ for r in gc.get_referents(fl)])
print(list(m), list(m), list(fl), next(m, 'end'), next(fl, 'end'))
print('exhausted', sys.getrefcount(xs), sys.getrefcount(f))
del m, m2, fl
gc.collect()
print('deleted', gc.get_count(), sys.getrefcount(xs), sys.getrefcount(f))
# each call's argument is released after the call; the result is what next() hands out
t = T()
ts = [t]
del t
m = map(lambda o: sys.getrefcount(o), ts)
print('refcount inside', next(m))
del m
print(list(map(str, xs)), list(map(len, ['a', 'bb'])), list(map(abs, xs)), list(map(max, [2, 3], [3, 2])))
print(sum(map(abs, xs)), sorted(map(abs, xs)), max(map(abs, xs)), min(filter(None, xs)))
print(list(filter(lambda v: v > 0, xs)), list(filter(bool, xs)), list(filter(len, ['', 'a', ()])))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), tuple(map(int, '123')))
for i, v in enumerate(map(f, range(3))):
    print(i, v, end=' ')
print()
gc.collect()
print(gc.get_count())
ts.clear()
print('after clear')
# errors: arity, keywords, non-iterables, non-callables (raised at the first next)
for call in (lambda: map(f), lambda: map(), lambda: map(f, 5), lambda: map(f, xs, 5), lambda: filter(f),
             lambda: filter(f, xs, xs), lambda: filter(f, 5), lambda: list(map(5, xs)),
             lambda: list(filter(5, xs)), lambda: map(f, xs, key=1), lambda: filter(f, xs, key=1),
             lambda: list(map(lambda a: a, xs, xs)), lambda: next(map(f, []))):
    try:
        print(call())
    except (TypeError, StopIteration) as e:
        print(type(e).__name__, e)
# an exception in the function: the item is released, the map stays usable
ys = [1, 0, 2]
m = map(lambda v: 10 // v, ys)
for _ in range(4):
    try:
        print(next(m))
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)
    except StopIteration:
        print('stop')
gc.collect()
print(gc.get_count())
