/**
 * Programs using super() and the implicit __class__ cell, deterministic on CPython 3.11: refcounts
 * of the classes (one more per cell) and of the instances, gc counts around the super object and
 * the bound method or method-wrapper its lookup makes, their sizes and tracking, the order of
 * __init__ and __del__ along an inheritance chain, and CPython's errors show a modelling mistake.
 */
export const SUPER_PROGRAMS: Record<string, string> = {
  'super().__init__ and super().__del__ along a chain, with refcounts, gc counts and finalizer order': `import gc, sys
class Resource:
    def __init__(self, name):
        self.name = name
        print('Resource.__init__', name, sys.getrefcount(self))
    def __del__(self):
        print('Resource.__del__', self.name)
    def describe(self):
        return 'resource ' + self.name
class File(Resource):
    def __init__(self, name, mode):
        super().__init__(name)
        self.mode = mode
        print('File.__init__', mode, sys.getrefcount(self))
    def __del__(self):
        print('File.__del__', self.name)
        super().__del__()
    def describe(self):
        return super().describe() + ' (' + self.mode + ')'
print(sys.getrefcount(Resource), sys.getrefcount(File))
gc.collect()
print(gc.get_count())
f = File('data.txt', 'r')
print(f.describe(), gc.get_count())
del f
print(gc.get_count())
files = [File(str(i), 'w') for i in range(3)]
print(gc.get_count())
files.clear()
print(gc.get_count())
`,
  'super() binds properties, classmethods and staticmethods as their descriptors do': `import gc, sys
class Shape:
    count = 0
    def __init__(self):
        Shape.count += 1
    @property
    def area(self):
        return 0
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def unit():
        return 'cm'
    def __repr__(self):
        return 'Shape()'
class Square(Shape):
    def __init__(self, side=2):
        super().__init__()
        self.side = side
    @property
    def area(self):
        return self.side * self.side + super().area
    @classmethod
    def make(cls):
        print('Square.make', cls.__name__)
        return super().make()
    @staticmethod
    def unit():
        return 'sq ' + super(Square, Square).unit()
    def __repr__(self):
        return 'Square(' + str(self.side) + ') from ' + super().__repr__()
s = Square(3)
print(s.area, Square.unit(), repr(s), Shape.count)
print(type(Square.make()).__name__)
print(super(Square, s).area, type(super(Square, Square).area).__name__)
print(super(Square, s).make)
gc.collect()
print(gc.get_count(), sys.getrefcount(Square), sys.getrefcount(Shape))
`,
  'exception subclasses and object reach __init__ through super(), its arguments checked as object_init checks them': `import gc, sys
class AppError(Exception):
    def __init__(self, message, code):
        super().__init__(message)
        self.code = code
class NotFound(AppError):
    def __init__(self, what):
        super().__init__(what + ' not found', 404)
try:
    raise NotFound('page')
except AppError as e:
    print(e, e.args, e.code, type(e).__name__, sys.getrefcount(e))
gc.collect()
print(gc.get_count())
e = NotFound('x')
print(e.args, gc.get_count())
class Base:
    def __init__(self):
        super().__init__()
        print('Base init')
class Child(Base):
    def __init__(self):
        super().__init__()
        print('Child init')
c = Child()
print(gc.get_count())
try:
    super(Base, c).__init__(1)
except TypeError as err:
    print(err)
class Plain:
    def go(self):
        super().__init__(1, 2)
try:
    Plain().go()
except TypeError as err:
    print(err)
`,
  'the __class__ cell: the class it holds, what dies with the class, super() in a comprehension and outside a class': `import gc, sys
gc.collect()
class Node:
    def __init__(self):
        super().__init__()
class Leaf(Node):
    def __init__(self):
        super().__init__()
print(sys.getrefcount(Node), sys.getrefcount(Leaf))
cell = Leaf.__init__.__closure__[0]
print(cell.cell_contents is Leaf, sys.getrefcount(cell))
del cell
del Leaf
print(gc.collect())
class K:
    def a(self):
        return super()
    def b(self):
        return [super() for i in range(1)]
k = K()
print(k.a())
try:
    k.b()
except TypeError as err:
    print('TypeError', err)
def outside(self):
    return super()
try:
    outside(1)
except RuntimeError as err:
    print('RuntimeError', err)
`,
  'a super object and the bound method its lookup makes: sizes, tracking, gc counts and refcounts': `import sys, gc
class A:
    def __init__(self):
        super().__init__()
    def f(self):
        return 1
class B(A):
    def __init__(self):
        s = super()
        print(sys.getsizeof(s), gc.is_tracked(s), type(s).__name__, repr(s)[:30])
        m = s.__init__
        print(type(m).__name__, sys.getsizeof(m), gc.is_tracked(m))
        w = super(A, self).__init__
        print(type(w).__name__, sys.getsizeof(w), gc.is_tracked(w))
        super().__init__()
    def f(self):
        return super().f() + 1
print(sys.getrefcount(A), sys.getrefcount(B))
print(B.f.__closure__[0].cell_contents, A.f.__closure__)
b = B()
gc.collect()
c0 = gc.get_count()
b.f()
print(c0, gc.get_count())
print(super(B, b))
print(super(B, B))
print(super(B))
print(super)
print('__classcell__' in B.__dict__)
`,
  'super() and its lookup allocate and free as CPython does, call after call': `import sys, gc
class A:
    def f(self):
        return 1
class B(A):
    def f(self):
        return super().f() + 1
    def g(self):
        return 5
b = B()
r = [None]*20
gc.collect()
r[0] = gc.get_count(); b.g(); r[1] = gc.get_count(); b.f(); r[2] = gc.get_count(); b.f(); r[3] = gc.get_count()
print(r[:4])
gc.collect()
r[0] = gc.get_count(); s = super(B, b); r[1] = gc.get_count(); m = s.f; r[2] = gc.get_count(); del s; r[3] = gc.get_count(); del m; r[4] = gc.get_count()
print(r[:5])
`,
  'automatic collections with low thresholds around super().__init__ calls in cycles': `import gc
gc.set_threshold(5, 2, 2)
gc.collect()
class Tracked:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n, gc.get_count())
class Pair(Tracked):
    def __init__(self, n):
        super().__init__(n)
        self.other = None
    def link(self, other):
        self.other = other
        return super().__repr__ is not None
for i in range(4):
    a = Pair(i)
    b = Pair(i + 10)
    a.other = b
    b.other = a
    print(i, gc.get_count())
del a, b
print(gc.collect())
`,
  "bad super() calls raise CPython's errors": `class A:
    def __init__(self):
        super().__init__()
class B(A):
    pass
def f(*a):
    return super()
for text, call in [('super(1)', lambda: super(1)), ('super(A, B(), 3)', lambda: super(A, B(), 3)), ('super(x=1)', lambda: super(x=1)),
                   ('super(B, A())', lambda: super(B, A())), ('super(B, A)', lambda: super(B, A)), ('lambda', lambda: super()), ('f', lambda: f(1)),
                   ('super(A,B()).x', lambda: super(A, B()).x), ('init', lambda: super(A, B()).__init__(1)), ('init2', lambda: super(B, B()).__init__(1)),
                   ('super(A, None)', lambda: super(A, None))]:
    try:
        print(text, call())
    except Exception as e:
        print(text, type(e).__name__, e)
class C:
    def m(self):
        del self
        return super()
    def n(self):
        return super().__init__(5)
for t in ['m', 'n']:
    try:
        (C().m if t == 'm' else C().n)()
    except Exception as e:
        print(t, type(e).__name__, e)
print(super(A, B()).__self_class__, super(A, B()).__thisclass__, super(A).__self__, super(A).__self_class__, super(A, B()).__class__)
print(repr(super(A, B()).__init__)[:35])
`,
  "object's __repr__ reached through super(), a method-wrapper": `import gc, sys
class Point:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return 'Point ' + super().__repr__()
p = Point(3)
gc.collect()
text = repr(p)
print(gc.get_count(), sys.getrefcount(p), text.split(' at ')[0])
m = super(Point, p).__repr__
print(type(m).__name__, sys.getsizeof(m), gc.is_tracked(m), sys.getrefcount(p))
print(repr(m).split(' at ')[0])
del m
print(sys.getrefcount(p))
try:
    super(Point, p).__repr__(1)
except TypeError as e:
    print(e)
`,
  'functions that name __class__ get the cell too, nested functions pass it on': `import sys, gc
class A:
    def f(self):
        return __class__
    def g(self):
        def inner():
            return __class__
        return inner
    def h(self):
        return 1
print(sys.getrefcount(A), A.f.__closure__[0].cell_contents, A.h.__closure__)
print(A().f(), A().g()(), len(A.g.__closure__))
print('__classcell__' in A.__dict__, gc.get_referents(A.f.__closure__[0]) == [A], len(gc.get_referents(A.f.__closure__)))
del A
print(gc.collect())
`,
  "a super object's referents and members, an unbound super, super(C, C), a three-level chain": `import gc, sys
class A:
    def who(self):
        return 'A'
class B(A):
    def f(self):
        return super()
    def who(self):
        return 'B' + super().who()
b = B()
s = super(B, b)
r = gc.get_referents(s)
print(len(r), r[0] is b, r[1] is B, r[2] is B, sys.getrefcount(b), sys.getrefcount(s))
print(s.__thisclass__ is B, s.__self__ is b, s.__self_class__ is B, s.who(), b.who())
u = super(B)
print(len(gc.get_referents(u)), u.__self__, u.__self_class__)
try:
    u.who
except AttributeError as e:
    print('AttributeError', e)
c = super(B, B)
print(c.who(b), gc.get_referents(c)[0] is B)
del s, r
gc.collect()
print(gc.get_count(), sys.getrefcount(b))
class C(B):
    def who(self):
        return 'C' + super().who() + super(B, self).who()
print(C().who())
`,
  "object's __str__ through super() is the object's repr, its class's __repr__ if it has one": `import gc, sys
class Plain:
    def __init__(self, x):
        self.x = x
    def __str__(self):
        return 'Plain: ' + super().__str__().split(' at ')[0]
class Pretty:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return 'Pretty(x=' + repr(self.x) + ')'
    def __str__(self):
        return 'str of ' + super().__str__()
class Child(Pretty):
    def __str__(self):
        return 'child ' + super().__str__()
p = Plain(1)
q = Pretty(2)
c = Child(3)
gc.collect()
a = str(p)
b = str(q)
d = str(c)
print(sys.getrefcount(p), sys.getrefcount(q))
print(a)
print(b)
print(d)
print(q, c)
gc.collect()
m = super(Pretty, q).__str__
t = m()
del m
print(gc.get_count(), t)
m = super(Pretty, q).__str__
print(type(m).__name__, sys.getsizeof(m), m())
try:
    m(1)
except TypeError as e:
    print(e)
`,
};

/** Programs python3 ends with an uncaught exception from super(): compared with their tracebacks. */
export const SUPER_FAILING: Record<string, string> = {
  'super() at module level: no arguments': `import gc
class A:
    def __init__(self):
        super().__init__()
a = A()
gc.collect()
print('before', gc.get_count())
s = super()
`,
  "a name no class after the type defines: 'super' object has no attribute": `import gc, sys
class Base:
    def greet(self):
        return 'hi'
class Child(Base):
    def greet(self):
        return super().greet() + ' ' + super().greeting()
c = Child()
print(sys.getrefcount(c), sys.getrefcount(Child))
print(c.greet())
`,
  'super(type, obj) with an obj of another class': `class Base:
    def __init__(self):
        print('Base')
class Child(Base):
    def __init__(self):
        super(Child, Base()).__init__()
class Other(Base):
    def __init__(self):
        super().__init__()
Other()
Child()
`,
  'too many arguments passed on through super().__init__': `class Account:
    def __init__(self, owner):
        self.owner = owner
        print('Account', owner)
class Savings(Account):
    def __init__(self, owner, rate):
        super().__init__(owner, rate)
        self.rate = rate
Savings('ann', 2)
`,
};
