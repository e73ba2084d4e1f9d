/**
 * Programs with decorators, property, staticmethod and classmethod, compared with python3 byte for
 * byte (stdout, exit status, traceback): refcounts, gc counts, sizes and __del__ output around
 * each construct, so that a modelling mistake shows.
 */
export const DECORATOR_PROGRAMS: Record<string, string> = {
  'property: getter, setter, deleter, doc, a data descriptor over the instance dict': `import gc, sys

class Temp:
    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        "the temperature"
        return self._c

    @celsius.setter
    def celsius(self, v):
        print("set", v, sys.getrefcount(v))
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c

gc.collect()
print(gc.get_count())
t = Temp([1])
print(t.celsius, sys.getrefcount(t.celsius))
t.celsius = [5]
print(t.celsius, t._c)
p = Temp.celsius
print(type(p).__name__, sys.getsizeof(p), sys.getrefcount(p), p.__doc__)
print(p.fget is not None, p.fset is not None, p.fdel is not None)
print(gc.get_count())
del t.celsius
print(hasattr(t, '_c') if False else 'gone')
t.__dict__['celsius'] = 'shadow'
t.celsius = [9]
print(t.celsius, t.__dict__['celsius'])
print(gc.get_count())
del t, p
print(gc.collect(), gc.get_count())
`,
  'staticmethod and classmethod: binding, sizes, functools_wraps dicts': `import gc, sys

class Counter:
    made = 0

    def __init__(self, n):
        self.n = n

    @classmethod
    def make(cls, n):
        cls.made += 1
        return cls(n)

    @staticmethod
    def double(x):
        return x * 2

gc.collect()
print(gc.get_count())
a = Counter.make(1)
b = a.make(2)
print(Counter.made, a.n, b.n, Counter.double(4), a.double(5))
m = Counter.make
print(type(m).__name__, m.__self__ is Counter, sys.getrefcount(m))
print(gc.get_count())
s = Counter.double
print(type(s).__name__, sys.getrefcount(s))
sm = Counter.__dict__['double'] if False else staticmethod(s)
print(type(sm).__name__, sys.getsizeof(sm), sm.__func__ is s, sm.__name__, sm.__qualname__)
cm = classmethod(s)
print(sys.getsizeof(cm), cm.__func__ is s, cm.__module__, sys.getrefcount(s))
print(gc.get_count())
del m, s, sm, cm
print(gc.collect(), gc.get_count())
class Sub(Counter):
    pass
c = Sub.make(3)
print(type(c).__name__, Sub.made, Counter.made)
`,
  'user decorators on classes and functions, applied last first': `import gc, sys

registry = []

def register(cls):
    registry.append(cls)
    print("registering", cls.__name__, sys.getrefcount(cls))
    return cls

def tag(f):
    print("tag", f.__name__ if False else "f", sys.getrefcount(f))
    return f

def swap(f):
    print("swap", sys.getrefcount(f))
    return other

def other():
    return "other"

class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        print("del", self.name)

gc.collect()
print(gc.get_count())

@register
class Leaf(Node):
    @property
    def label(self):
        return "leaf " + self.name

@tag
@swap
def f():
    return "f"

print(f(), f is other, gc.get_count())
a = Leaf("a")
b = Leaf("b")
a.peer = b
b.peer = a
print(a.label, b.label)
del a, b
print(gc.collect())
print(len(registry), registry[0] is Leaf, sys.getrefcount(Leaf))
`,
  'descriptor errors in CPython words, and a decorator that raises': `class A:
    @property
    def x(self):
        return 1

a = A()
try:
    a.x = 2
except AttributeError as e:
    print(e)
try:
    del a.x
except AttributeError as e:
    print(e)
p = property()
class B:
    y = p
try:
    B().y
except AttributeError as e:
    print(e)
try:
    staticmethod()
except TypeError as e:
    print(e)
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print(e)
try:
    property(foo=1)
except TypeError as e:
    print(e)
def fails(f):
    raise ValueError("no")
@fails
def g():
    pass
`,
};
