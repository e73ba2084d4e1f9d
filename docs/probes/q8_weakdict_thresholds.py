# Q8: WeakValueDictionary under thresholds 1..25: collections triggered inside construction, __setitem__,
# keys()/items() iteration and get/len/in, so the order of each operation's allocations shows.
import gc, weakref
class A:
    pass
a = A()
b = A()
gc.collect()
for t in range(1, 26):
    gc.collect()
    gc.set_threshold(t)
    d = weakref.WeakValueDictionary()
    c1 = gc.get_count()
    d['k'] = a
    c2 = gc.get_count()
    d['j'] = b
    d['k'] = b
    c3 = gc.get_count()
    ks = list(d.keys())
    c4 = gc.get_count()
    vs = list(d.items())
    c5 = gc.get_count()
    x = d.get('k'), len(d), 'j' in d
    c6 = gc.get_count()
    del d, ks, vs
    gc.set_threshold(700)
    print(t, c1, c2, c3, c4, c5, c6)
