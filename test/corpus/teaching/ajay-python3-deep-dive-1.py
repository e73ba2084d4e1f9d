# Source: https://github.com/Ajay-2007/Python3_Deep_Dive (REFERENCE COUNTING notebook)
# Licence: not stated
# Topic: refcount via ctypes. Notebook cells made a script: each expression cell is printed.
import sys

a = [1, 2, 3]

print(id(a))

print(sys.getrefcount(a))

import ctypes

def ref_count(address : int):
    return ctypes.c_long.from_address(address).value

print(ref_count(id(a)))

b = a

print(ref_count(id(a)))

c = a
print(ref_count(id(a)))

c = 10

print(ref_count(id(a)))

b = None

print(ref_count(id(a)))
