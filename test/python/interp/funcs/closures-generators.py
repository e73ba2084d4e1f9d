# Generator functions with cells, and generator expressions using the enclosing function's variables.
import gc
import sys


def countdown_factory(start):
    step = 1
    def countdown():
        n = start
        while n > 0:
            yield n
            n -= step
    return countdown


cd = countdown_factory(3)
print(list(cd()), list(cd()))
g = cd()
print(sys.getsizeof(g), next(g), next(g))
del g


def window(data, size):
    def gen():
        i = 0
        while i + size <= len(data):
            yield data[i:i + size]
            i += 1
    return gen()


print(list(window([1, 2, 3, 4], 2)))


def cells_in_generator(limit):
    total = 0
    def add(x):
        nonlocal total
        total += x
    for i in range(limit):
        add(i)
        yield total


gen = cells_in_generator(4)
print(sys.getsizeof(gen), list(gen))


def lazy_scaled(values, factor):
    return (v * factor for v in values)


gc.collect()
scaled = lazy_scaled([1, 2, 3], 5)
print(gc.get_count(), sys.getsizeof(scaled), list(scaled))
del scaled
gc.collect()
print(gc.get_count())
