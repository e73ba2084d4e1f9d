# Source: https://github.com/travishen/Notebooks (variable re-assignment)
# Licence: not stated
# Topic: refcount via ctypes
from ctypes import c_long

a = 10
a_id = id(a)

print(hex(a_id))
print(c_long.from_address(a_id).value)

a = a + 10

# old address
print(hex(a_id))
print(c_long.from_address(a_id).value)

# new address
print(hex(id(a)))
