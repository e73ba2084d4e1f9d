# object() is a bare 16-byte object the collector does not track; __sizeof__ is what
# sys.getsizeof reports less the GC head (and an instance's managed-dict pointers).
import sys
import gc

a = object()
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a), sys.getsizeof(a), a.__sizeof__(), gc.is_tracked(a))
print(type(a).__name__, a.__class__.__name__, isinstance(a, object))
gc.collect()
print(gc.get_count())
objs = [object() for _ in range(5)]
print(gc.get_count(), len(objs))
for value in ([], [1], [1, 2], (), (1, 2), {}, {"a": 1}, set(), "abc", "", 5, 2**100, 1.5, True):
    print(repr(value), value.__sizeof__(), sys.getsizeof(value))
grown = []
print(grown.__sizeof__())
grown.append(1)
print(grown.__sizeof__())


class C:
    def __init__(self):
        self.x = 1


print(C().__sizeof__(), sys.getsizeof(C()))
try:
    [].__sizeof__(1)
except TypeError as error:
    print(error)
try:
    object(1)
except TypeError as error:
    print(error)
