# Source: https://pythonkb.com/?p=33313
# Licence: not stated
# Topic: refcount (examples 1-4 of the article, one after another)
import sys
a = 10
print(sys.getrefcount(a))

def function():
    a = 10
    print(sys.getrefcount(a))
function()

a = [1, 2, 3]
b = a
print(sys.getrefcount(a))

a = [1, 2, 3]
b = a
del a
print(sys.getrefcount(b))
