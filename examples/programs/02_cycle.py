# Two lists that refer to each other: reference counting alone leaks them,
# the cycle collector reclaims them.
# Look at: after `del`, both lists are unreachable but their refcounts are 1 (each holds the
# other), so nothing frees them until gc.collect() finds the cycle and returns 2.
import gc, sys, weakref

gc.disable()
gc.collect()


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('freed', self.name)


a = Node('a')
b = Node('b')
a.partner = b
b.partner = a
print('refcount of a:', sys.getrefcount(a))
del a, b
print('after del: nothing was freed yet')
print('gc.collect() found', gc.collect(), 'unreachable objects')

x = []
y = [x]
x.append(y)
del x, y
print('two lists:', gc.collect())
