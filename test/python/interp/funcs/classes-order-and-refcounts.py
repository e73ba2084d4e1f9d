# An instance's __dict__ lists its attributes in the order that instance stored them, whatever
# the order of the class's shared keys; the dict made from the inline values holds them.
import sys
import gc


class A:
    pass


a = A()
a.x = 1
a.y = 2
b = A()
b.y = [1]
b.x = [2]
print(a.__dict__, b.__dict__)
value = b.__dict__["y"]
print(sys.getrefcount(value))
print(gc.is_tracked(a.__dict__), gc.is_tracked(b.__dict__))
gc.collect()
print(gc.get_count())
d = b.__dict__
print(gc.get_count(), sys.getrefcount(d))
del b
print(sys.getrefcount(d), d)
del d
print(sys.getrefcount(value))
