# Q1: count0 never goes below 0 (PyObject_GC_Del: if (count0 > 0) count0--)
import gc
gc.disable()
class A: pass
a = A(); b = A()
gc.collect()              # count0 = 0
del a, b                  # two GC frees while count0 == 0: stays 0
x = []                    # +1
print(gc.get_count())     # (1, 0, 0); without the clamp it would be (-1, 0, 0)
