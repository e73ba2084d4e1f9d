# Q4: gc.collect() called from __del__ while a collection is running returns 0
# (gcstate->collecting is set); called from a refcount-triggered __del__ it
# runs a real collection.
import gc
gc.disable()
class A:
    def __del__(self):
        print("  in __del__: gc.collect() ->", gc.collect(), " get_count:", gc.get_count())
print("during gc.collect():")
a = A(); a.self = a; del a
print("  outer gc.collect() ->", gc.collect())
print("during an automatic collection:")
gc.enable(); gc.collect(); gc.set_threshold(3)
a = A(); a.self = a; del a
junk = [[] for _ in range(5)]
gc.disable(); gc.set_threshold(700)
print("from a refcount-triggered __del__ (not inside a collection):")
g1 = []; g1.append(g1); del g1       # one cyclic garbage list pending
a = A(); del a
print("  gc.collect() afterwards ->", gc.collect())
