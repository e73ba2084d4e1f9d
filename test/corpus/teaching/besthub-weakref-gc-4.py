# Source: https://www.besthub.dev/articles/handling-circular-references-and-memory-leaks-in-python-with-weakref-and-gc-modules-c87638a114f0
# Licence: not stated
# Topic: gc, cycles, gc.garbage
import gc
class MyClass:
    pass
obj1 = MyClass()
obj2 = MyClass()
obj1.other = obj2
obj2.other = obj1
gc.collect()
cycle = gc.garbage
for obj in cycle:
    print(obj)
