# Q8: floats. A float is 24 bytes and never GC-tracked, so making and dropping floats never moves
# gc.get_count(); dead floats park on a LIFO free list of at most 100 (PyFloat_MAXFREELIST), which
# the next float reuses (same id) and which a full collection empties (clear_freelists).
import gc, sys
gc.collect()
n = 3
x = n * 1.5
print(sys.getsizeof(x), gc.is_tracked(x), gc.get_count())
i = id(x)
del x
y = n * 2.5
print('reused', id(y) == i, gc.get_count())
fs = [n * 0.5 + k for k in range(150)]
del fs
gc.collect(0)
sys._debugmallocstats()  # stderr: "100 free PyFloatObjects * 24 bytes each"
gc.collect()
sys._debugmallocstats()  # stderr: "0 free PyFloatObjects" after the full collection
