/**
 * Programs with every call shape and parameter kind, compared with python3 byte for byte: the
 * tuples and dicts each shape builds show in refcounts and gc counts, binding errors in their words.
 */
export const CALL_PROGRAMS: Record<string, string> = {
  '*args, **kwargs, keyword-only and positional-only parameters; * and ** in calls (refcounts, gc counts)': `import gc, sys

def show(a, b=2, *args, c, d=4, **kwargs):
    print(a, b, args, c, d, kwargs, len(args), sys.getrefcount(kwargs))

def plain(a, b, c=3):
    return a + b + c

gc.collect()
print(gc.get_count())
show(1, c=3)
print(gc.get_count())
show(1, 2, 3, 4, c=5, e=6, f=7)
print(gc.get_count())
args = (10, 20)
kw = {'c': 30}
print(plain(*args), plain(*args, **kw), plain(1, *[2]), plain(**{'a': 1, 'b': 2}))
print(gc.get_count())
print(plain(1, b=5), plain(b=1, a=2, c=0))
x = [1]
def probe(p, *rest, **named):
    print(sys.getrefcount(p), sys.getrefcount(x), len(rest), sorted(named))
probe(x)
probe(*[x])
probe(*(x,))
probe(x, k=x)
probe(*(x,), **{'k': x})
t = (x, x)
probe(*t)
print(sys.getrefcount(x), sys.getrefcount(t))
def kwonly(*, key, default=None):
    return key, default
print(kwonly(key=1), kwonly(default=2, key=3))
def posonly(a, b, /, c):
    return a, b, c
print(posonly(1, 2, c=3), posonly(1, 2, 3))
class A:
    def m(self, *args, **kwargs):
        return len(args), kwargs
    @classmethod
    def c(cls, *args, sep='-'):
        return sep.join(args)
a = A()
print(a.m(1, 2, x=3), A.c('a', 'b'), A.c('a', 'b', sep='+'), a.m(*'ab', **{'y': 1}))
print(print(*[1, 2, 3], sep=', '))
def callback(x, y, z):
    print("CALLBACK")
    return x + y + z
f = callback
args = (1, 2)
kwargs = {'z': 3}
assert f(*args, **kwargs) == 6
print(gc.get_count())
`,
  'binding errors in CPython words, the order arguments are released, an uncaught TypeError': `def f(a, b, c=3, *, d, e=5):
    return a, b, c, d, e

def g(a, /, b):
    return a, b

def h(x):
    return x

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def unexpected():
    f(1, 2, d=4, z=0)
def too_many():
    f(1, 2, 3, 4, d=0)
def multiple():
    f(1, a=1, d=0)
def missing_kwonly():
    f(1, 2)
def missing_two():
    f()
def missing_one():
    f(1)
def posonly_by_name():
    g(a=1, b=2)
def star_not_iterable():
    h(*5)
def dstar_not_mapping():
    h(**[1])
def dstar_repeats_positional():
    h(1, **{'x': 2})
def dstar_repeated():
    h(**{'x': 1}, **{'x': 2})
def released_in_order():
    h(Noisy('n1'), x=Noisy('n2'))
def too_many_plain():
    h(1, 2)

for case in [unexpected, too_many, multiple, missing_kwonly, missing_two, missing_one, posonly_by_name,
             star_not_iterable, dstar_not_mapping, dstar_repeats_positional, dstar_repeated,
             released_in_order, too_many_plain]:
    try:
        case()
    except TypeError as e:
        print(case.__name__, "->", e)
f(1, 2, 3, d=4, q=9)
`,
  'function __name__, __qualname__, __module__, __doc__, __annotations__': `import gc
def outer(a: int) -> str:
    "doc"
    return str(a)
class K:
    def m(self):
        pass
gc.collect()
print(outer.__name__, outer.__qualname__, outer.__module__, outer.__doc__, K.m.__qualname__, K().m.__name__ if False else '')
print(gc.get_count())
print(outer.__annotations__, K.m.__annotations__, gc.get_count())
`,
};
