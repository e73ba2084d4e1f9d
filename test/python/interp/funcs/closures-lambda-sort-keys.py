# Lambdas as sort keys, and a key function made by a closure.
import sys, gc
pairs = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(pairs, key=lambda p: p[1]))
def by(idx):
    return lambda p: p[idx]
print(sorted(pairs, key=by(0), reverse=True))
k = by(1)
print(sys.getrefcount(k), [k(p) for p in pairs])
gc.collect()
print(gc.get_count())
