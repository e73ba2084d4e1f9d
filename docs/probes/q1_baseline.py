# Q1: baseline of measuring count0 with no prints in between
import gc
gc.collect()
a = gc.get_count()[0]
b = gc.get_count()[0]
c = gc.get_count()[0]
n = gc.collect()
d = gc.get_count()[0]
e = gc.get_count()[0]
print(a, b, c, n, d, e)
