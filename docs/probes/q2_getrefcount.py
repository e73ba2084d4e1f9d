# Q2: sys.getrefcount(x) in every position (all objects created at run time
# unless the label says "literal").
import sys, weakref
R = sys.getrefcount
x = []                                   # runtime list, one global name
print("global x", R(x))
print("global, in print with 2nd arg", R(x), len(x))
print("in list display", [R(x)])
print("x on stack before call: print(x, R(x))", x, R(x))
print("list display [x, R(x)]", [x, R(x)])
print("tuple (x, R(x))", (x, R(x)))
def f(a):
    return R(a)
print("argument of f(x) (global x + local a + arg)", f(x))
print("argument of f([]) temp", f([]))
def g():
    y = []
    r1 = R(y)
    z = y
    return r1, R(y)
print("local y; after z = y", g())
a = b = x
print("after a = b = x", R(x))
del a, b
lst = [x, x]
print("x in a list twice", R(x))
del lst
lst = [[], [], []]
print("list item R(lst[0])", R(lst[0]))
for item in lst:
    print("loop var in for item in lst (global)", R(item))
    break
def loop():
    for it in lst:
        return R(it)
print("loop var inside function", loop())
class A:
    k = []
    def m(self):
        return R(self)
    def __init__(self):
        print("self inside __init__ during A()", R(self))
        self.attr = []
o = A()
print("o global", R(o))
print("o.m() -> R(self)", o.m())
print("class attribute R(A.k)", R(A.k))
print("instance attribute R(o.attr) inline values", R(o.attr))
d = o.__dict__
print("instance attribute after __dict__ materialised", R(o.attr), "R(o.__dict__) with d held", R(o.__dict__))
del d
bm = o.m
print("o after bm = o.m", R(o))
del bm
w = weakref.ref(o)
print("o after weakref.ref(o)", R(o))
print("R(w)", R(w), "R(w()) (w() returns new ref)", R(w()))
print("class A after def + 1 instance", R(A))
o2 = A(); o3 = A()
print("class A with 3 instances", R(A))
del o2, o3
class B(A):
    pass
print("class B(A) no instances", R(B), "A after subclass", R(A))
class S:
    __slots__ = ('p',)
print("class S with __slots__=('p',)", R(S))
class E:
    pass
print("class E no instances", R(E))
def h():
    return R(h)
print("function h global", R(h), "inside h while running", h())
print("method function A.m via class dict", R(A.__dict__['m']))
print("temp R([])", R([]), "temp R(A())", R(A()) if False else '-')
v = 1000
n1 = v + 1
s1 = 'ab' + str(v)
print("runtime int > 256", R(n1), "runtime str", R(s1))
t = (n1, s1)
print("runtime tuple", R(t))
lit = 'hello world!'
print("literal non-identifier str (module co_consts + global + arg)", R(lit))
def uses_lit():
    return 'hello world!'
print("same literal also in function co_consts", R(lit))
lit2 = 98765
print("literal int 98765", R(lit2))
tup = (1, 2)
print("literal tuple (1, 2)", R(tup))
ident = 'abcdef'
print("literal identifier-like str 'abcdef'", R(ident))
print("single-char str 'a'", R('a'))
print("small int 5", R(5) > 10**9, "None", R(None) > 1000, "True", R(True) > 100)
dd = {'k': []}
print("dict value R(dd['k'])", R(dd['k']))
for kk, vv in dd.items():
    print("value in for k, v in dd.items()", R(vv))
