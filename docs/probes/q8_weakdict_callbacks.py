# Q8: WeakValueDictionary callbacks: a value dying removes its entry (KeyedRef callback), or queues
# its key in _pending_removals while a generator iterates (committed when the guard exits); the
# callbacks' order with other weakrefs; cycles of values freed by gc.collect(); update from a dict.
import gc, sys, weakref
class A:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f'A({self.n})'
    def __del__(self):
        print('del', self.n)
d = weakref.WeakValueDictionary()
objs = [A(i) for i in range(5)]
for o in objs:
    d[o.n] = o
print(len(d), weakref.getweakrefcount(objs[0]))
it = d.items()
print(next(it))
del objs[1]
print(len(d.data), len(d._pending_removals), d._pending_removals)
print(next(it))
del objs[2]
print(list(it))
print(len(d.data), len(d._pending_removals), len(d), sorted(d.data) if False else list(d.data))
def cb(w):
    print('cb', type(w).__name__)
x = A(9)
r = weakref.ref(x, cb)
d['x'] = x
d2 = weakref.WeakValueDictionary()
d2['x'] = x
print(weakref.getweakrefcount(x), [type(w).__name__ for w in weakref.getweakrefs(x)])
gc.collect()
del x
print(len(d), len(d2), 'x' in d)
gc.collect()
d3 = weakref.WeakValueDictionary()
for i in range(3):
    a = A(100 + i)
    a.me = a
    d3[i] = a
del a
print(len(d3), gc.collect(), len(d3))
print(gc.get_count())
k = A(50)
d3['k'] = k
del d3
print('d3 gone', weakref.getweakrefcount(k))
del k
e = weakref.WeakValueDictionary()
e[1] = e2 = A(7)
e.pop(1)
print(len(e), e.get(1))
try:
    del e[5]
except KeyError as err:
    print('KeyError', err)
try:
    e.pop(5)
except KeyError as err:
    print('KeyError', err)
print(gc.collect(), gc.get_count())
w = weakref.WeakValueDictionary({'a': e2, 'b': e2})
print(len(w), sorted(w.keys()) if False else list(w.keys()), weakref.getweakrefcount(e2))
g = w.values()
print(sys.getrefcount(w), next(g), sys.getrefcount(w), len(w._iterating))
del g
print(len(w._iterating), sys.getrefcount(w))
