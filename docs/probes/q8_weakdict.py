# Q8: what each WeakValueDictionary operation leaves in gc.get_count() after a full collection (which
# empties the free lists, so fresh argument tuples and dicts count), getsizeof of its generators, its
# referents and attributes. CPython 3.11.7: WVD() 13, first item 4, replace 3, get/[]/len/in 0, keys() 1 (240 bytes).
import gc, sys, weakref
class A:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f'A({self.n})'
    def __del__(self):
        print('del', self.n)
a = A(1); b = A(2); c = A(3)
for i in range(2):
    gc.collect()
    d = weakref.WeakValueDictionary()
    print(i, "WVD()", gc.get_count())
    gc.collect()
    d['k'] = a
    print(i, "first item", gc.get_count(), weakref.getweakrefcount(a))
    gc.collect()
    d['j'] = b
    print(i, "second item", gc.get_count())
    gc.collect()
    d['j'] = c
    print(i, "replace item", gc.get_count())
    gc.collect()
    x = d.get('k')
    print(i, "get", gc.get_count(), x, d.get('zz'), d.get('zz', 5))
    gc.collect()
    x = d['k']
    print(i, "getitem", gc.get_count(), x)
    gc.collect()
    n = len(d)
    print(i, "len", gc.get_count(), n)
    gc.collect()
    t = 'k' in d
    print(i, "in", gc.get_count(), t, 'q' in d)
    gc.collect()
    ks = d.keys()
    print(i, "keys()", gc.get_count(), sys.getsizeof(ks), type(ks).__name__)
    gc.collect()
    l = list(ks)
    print(i, "list(keys)", gc.get_count(), l)
    print(list(d.values()), list(d.items()), list(d))
    del ks, l
    gc.collect()
    del d
    print(i, "del d", gc.get_count())
d = weakref.WeakValueDictionary()
print(sys.getrefcount(d), sys.getsizeof(d), [type(r).__name__ for r in gc.get_referents(d)][1:4])
print(list(d.__dict__.keys()))
d['a'] = A(10)
print(len(d), 'a' in d)
e = A(11)
d['e'] = e
print(sys.getrefcount(e), len(d))
del e
print(len(d), list(d.keys()), bool(d))
try:
    d['e']
except KeyError as err:
    print('KeyError', err)
print(d.pop('zz', 'dflt'), d.setdefault('s', c), d.pop('s'))
print(type(d).__name__, d.__class__.__name__)
