# Sizes of classes and of their instances' dicts (3.11's shared keys): a class with a managed
# dict is a PyHeapTypeObject plus its cached keys; a materialised __dict__ is a split dict whose
# size follows the keys' usable size, shrinking as instances are made and names are added.
import sys
import gc


class Plain:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Sub(Plain):
    pass


class SlottedSub(Plain):
    __slots__ = ("z",)


class Err(Exception):
    pass


for cls in (Plain, Slotted, Sub, SlottedSub, Err, int, object):
    print(cls.__name__, sys.getsizeof(cls))

a = Plain(1, 2)
print(sys.getsizeof(a), a.__sizeof__())
print(sys.getsizeof(a.__dict__), a.__dict__.__sizeof__(), a.__dict__)
b = Plain(3, 4)
print(sys.getsizeof(a.__dict__), sys.getsizeof(b.__dict__))
a.z = 5
print(sys.getsizeof(a.__dict__), a.__dict__)
c = Plain(5, 6)
c.w = 7
print(sys.getsizeof(c.__dict__), c.__dict__, sys.getsizeof(a.__dict__))
del b.x
print(sys.getsizeof(b.__dict__), b.__dict__)
b.__dict__["q"] = 1
print(sys.getsizeof(b.__dict__), b.__dict__)
a.__dict__[1] = 2
print(sys.getsizeof(a.__dict__), a.__dict__)
d = Plain(7, 8)
d.__dict__.clear()
print(sys.getsizeof(d.__dict__), d.__dict__)
many = [Plain(i, i) for i in range(40)]
print(sys.getsizeof(many[-1].__dict__), sys.getsizeof(many[0].__dict__))
s = Slotted(1, 2)
print(sys.getsizeof(s), s.__sizeof__())
gc.collect()
print(gc.get_count())
del a, b, c, d, many, s
print(gc.collect())
