# Source: https://www.besthub.dev/articles/handling-circular-references-and-memory-leaks-in-python-with-weakref-and-gc-modules-c87638a114f0
# Licence: not stated
# Topic: gc, cycles
import gc
class MyClass:
    def __init__(self):
        self.other = None
obj1 = MyClass()
obj2 = MyClass()
obj1.other = obj2
obj2.other = obj1
# force collection
gc.collect()
print(gc.get_referents(obj1))  # -> []
print(gc.get_referents(obj2))  # -> []
