# Instance __dict__ sizes in 3.11 (_PyDict_SizeOf of a split dict: 64 + 8 * shared_keys_usable_size,
# i.e. the cached keys' dk_nentries + dk_usable, which drop by one per new instance down to 1):
# per-instance insertion order, a new str key goes into the shared keys, a non-str key or a
# full keys object makes a combined table, clear() the empty one. CPython 3.11.7 prints:
#   {'x': 1, 'y': 2} {'y': 1, 'x': 2}
#   288 288
#   280
#   280 {'x': 1, 'y': 2, 'z': 3}
#   272 {'w': 5} 272
#   352 {'x': 1, 'y': 2, 'z': 3, 1: 2}
#   272 {'y': 1}
#   272 {'y': 1, 'q': 1}
#   264 {'k': 1}
#   256 {}
#   64 {}
#   1584 40 1688
import sys
class A:
    pass
a = A(); a.x = 1; a.y = 2
b = A(); b.y = 1; b.x = 2
print(a.__dict__, b.__dict__)
print(sys.getsizeof(a.__dict__), sys.getsizeof(b.__dict__))
c = A()
print(sys.getsizeof(a.__dict__))
a.z = 3
print(sys.getsizeof(a.__dict__), a.__dict__)
d = A(); d.w = 5
print(sys.getsizeof(d.__dict__), d.__dict__, sys.getsizeof(a.__dict__))
a.__dict__[1] = 2
print(sys.getsizeof(a.__dict__), a.__dict__)
del b.x
print(sys.getsizeof(b.__dict__), b.__dict__)
b.__dict__['q'] = 1
print(sys.getsizeof(b.__dict__), b.__dict__)
e = A()
e.__dict__['k'] = 1
print(sys.getsizeof(e.__dict__), e.__dict__)
f = A()
print(sys.getsizeof(f.__dict__), f.__dict__)
f.__dict__.clear()
print(sys.getsizeof(f.__dict__), f.__dict__)
class B:
    def __init__(self):
        for i in range(40): setattr(self, 'a%d' % i, i)
x = B()
print(sys.getsizeof(x.__dict__), len(x.__dict__), sys.getsizeof(B))
