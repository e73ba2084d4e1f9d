# Reference counts follow names and containers.
# Look at: each name or container slot holding the list is one reference; sys.getrefcount
# reports one more, because its argument is also a reference while it runs.
import sys

a = [1, 2, 3]
print('a = [1, 2, 3]     ->', sys.getrefcount(a))
b = a
print('b = a             ->', sys.getrefcount(a))
holder = [a, a]
print('holder = [a, a]   ->', sys.getrefcount(a))
del holder
print('del holder        ->', sys.getrefcount(a))
del b
print('del b             ->', sys.getrefcount(a))


def show(x):
    # Inside a call the parameter is one more reference.
    return sys.getrefcount(x)


print('inside show(a)    ->', show(a))
