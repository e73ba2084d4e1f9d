# "A closure keeps an object alive": __del__ runs only when the last closure holding the cell dies.
import gc
import sys


class Big:
    def __init__(self, name):
        self.name = name
        self.payload = list(range(1000))

    def __del__(self):
        print('freed', self.name)


def make_reader():
    big = Big('captured')
    def read():
        return len(big.payload)
    return read


reader = make_reader()
print('made reader', reader())
other = reader
del reader
print('deleted one name')
del other
print('deleted the last name')


def make_pair():
    big = Big('shared')
    def first():
        return big.name
    def second():
        return big.name.upper()
    return first, second


a, b = make_pair()
print(a(), b(), a.__closure__[0] is b.__closure__[0])
del a
print('first gone')
del b
print('second gone')


def local_only():
    big = Big('not captured')
    return len(big.payload)


print(local_only())


class Counter:
    def __init__(self):
        self.count = 0

    def incrementer(self):
        def inc():
            self.count += 1
            return self.count
        return inc

    def __del__(self):
        print('counter freed at', self.count)


c = Counter()
print(sys.getrefcount(c))
inc = c.incrementer()
print(sys.getrefcount(c), inc(), inc())
del c
print('deleted counter name')
del inc
print('deleted incrementer')


def rebind():
    big = Big('first value')
    def peek():
        return big.name
    print(peek())
    big = Big('second value')
    print(peek())
    del big
    print('deleted the cell variable')
    return peek


p = rebind()
try:
    p()
except NameError as e:
    print(type(e).__name__, e)
gc.collect()
print(gc.get_count())
