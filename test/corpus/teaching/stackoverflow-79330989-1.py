# Source: https://stackoverflow.com/questions/79330989 (mirrored at https://example-a.com/answer/79330989)
# Licence: CC BY-SA 4.0
# Topic: refcount via ctypes. REPL session made a script: each expression line is printed.
import ctypes, sys
name = "some random name 123"
print(sys.getrefcount(name))
print(ctypes.c_long.from_address(id(name)).value)
x, y = name, name
print(sys.getrefcount(name))
print(ctypes.c_long.from_address(id(name)).value)
