# Source: https://github.com/travishen/Notebooks (python variables are memory references)
# Licence: not stated
# Topic: refcount via ctypes, addresses
var = 10
print(id(var))
print(hex(id(var)))
string = 'hello world!'
print(id(string))
print(hex(id(string)))

var = 140616357063792
var_common = 1

from sys import getrefcount
print(getrefcount(var), " <- create an extra reference, affect reference count")
print(getrefcount(var_common))

from ctypes import c_long
print(c_long.from_address(id(var)).value, " <- does not affect reference count")
