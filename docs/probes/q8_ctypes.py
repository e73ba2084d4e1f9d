# Q8: what ctypes.c_long.from_address(id(x)).value allocates and reads (CPython 3.11)
import gc, sys, ctypes
class A:
    pass
a = A()
gc.collect()
v = ctypes.c_long.from_address(id(a))
print("count after from_address", gc.get_count(), gc.is_tracked(v), sys.getrefcount(v))
print("value", v.value, sys.getrefcount(a))
gc.collect()
n = ctypes.c_long.from_address(id(a)).value
print("count after .value", gc.get_count(), n)
b = a
print(ctypes.c_long.from_address(id(a)).value, v.value)
del a, b
print(v.value)
l = []
l.append(l)
addr = id(l)
del l
print("cycle before collect", ctypes.c_long.from_address(addr).value)
gc.collect()
print("cycle after collect", ctypes.c_long.from_address(addr).value)
print(type(v).__name__, type(ctypes.c_long).__name__)
gc.collect()
w = ctypes.cast(id(v), ctypes.py_object)
print("count after cast", gc.get_count(), w.value is v)
