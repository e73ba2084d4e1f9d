# nonlocal counters, nested scopes, lambdas (late binding, default arguments) and their sizes.
import gc
import sys


def counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    def reset():
        nonlocal count
        old = count
        count = 0
        return old
    return increment, reset


inc, reset = counter()
print(inc(), inc(), inc(), reset(), inc())
print(inc.__closure__[0] is reset.__closure__[0])


def outer():
    x = 'outer'
    def middle():
        def inner():
            nonlocal x
            x = 'changed by inner'
            return x
        return inner
    f = middle()
    print(f.__qualname__, len(middle.__closure__), len(f.__closure__))
    f()
    return x


print(outer())


def param_cell(a, b=10):
    def show():
        return a + b
    a = a * 2
    return show


print(param_cell(1)(), param_cell(1, 2)())

square = lambda n: n * n
print(square(7), square.__name__, square.__qualname__)
print((lambda: 'called at once')())
adders = []
for i in range(3):
    adders.append(lambda x: x + i)
print([f(10) for f in adders])
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])


def make_lambdas():
    return [lambda: k * 10 for k in range(3)]


print([f() for f in make_lambdas()])
pick = lambda pair: pair[1]
print(max([pick((1, 2)), pick((3, 4))]))
compose = lambda f, g: lambda x: f(g(x))
inc_then_square = compose(square, lambda x: x + 1)
print(inc_then_square(3), inc_then_square.__qualname__)
print(len(inc_then_square.__closure__))


def scale_all(values, factor):
    return [v * factor for v in values]


print(scale_all([1, 2, 3], 4))


def totals(rows, weight):
    return {k: v * weight for k, v in rows}, sum(v * weight for k, v in rows)


print(totals([('a', 1), ('b', 2)], 3))
gc.collect()
print(gc.get_count())
big = [0] * 1000
keep = (lambda: big)
print(sys.getrefcount(big))
del keep
print(sys.getrefcount(big))
