# Q8: what zip, enumerate, reversed and sorted allocate (CPython 3.11): gc count deltas of each call
# (the probe's own baseline is 1: the gc.get_count() tuple), type names, sizes, gc tracking,
# and zip's reuse of its result tuple while only it holds it.
import sys, gc
a = [1,2,3]; b = [4,5,6]
def m(label, f):
    gc.collect(); c0 = gc.get_count()[0]; z = f(); c1 = gc.get_count()[0]; del z
    print(label, c1 - c0)
m('none', lambda: None)
m('zip2', lambda: zip(a, b))
m('zip1', lambda: zip(a))
m('zip0', lambda: zip())
m('enum', lambda: enumerate(a))
m('enum1', lambda: enumerate(a, 1))
m('rev list', lambda: reversed(a))
m('rev range', lambda: reversed(range(10)))
m('rev tuple', lambda: reversed((1,2,3)))
m('sorted', lambda: sorted(a))
m('sorted rev', lambda: sorted(a, reverse=True))
m('list', lambda: list(a))
m('map', lambda: map(str, a))
m('iter', lambda: iter(a))
a = [1,2,3]; b = [4,5,6]
z = zip(a, b)
print(type(z).__name__, sys.getsizeof(z), gc.is_tracked(z), sys.getrefcount(a))
gc.collect(); c0 = gc.get_count()
z = zip(a, b)
print(gc.get_count())
t1 = next(z); print(sys.getrefcount(t1)); i1 = id(t1); del t1
t2 = next(z); print(id(t2) == i1)
e = enumerate(a)
print(type(e).__name__, sys.getsizeof(e), gc.is_tracked(e))
r = reversed(a)
