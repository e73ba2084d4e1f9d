# Q1: delta of gc.get_count()[0] for each construct, measured right after a
# full gc.collect() (all free lists empty).  Pattern per construct:
#   gc.collect(); gc.get_count()          # warm the size-3 tuple free list
#   a = gc.get_count()[0]; CONSTRUCT; b = gc.get_count()[0]
# New names are used for each construct so nothing old is freed.
import gc, weakref
gc.disable()
class A:
    def m(self): return 1
class B:
    def __init__(self, x, y): self.x = x; self.y = y
def f0(): return 1
def f1(p): return p
def f2(p, q): return p
o = A(); ob = B(1, 2); lst = [1, 2, 3]; dct = {'a': 1, 'b': 2}; v1 = 1; v2 = 'z'
def cb(r): pass
res = []
def rep(name, d): res.append((name, d))

gc.collect(); gc.get_count(); a = gc.get_count()[0]
x1 = []
b = gc.get_count()[0]; rep("x = []", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
x2 = [1, 2]
b = gc.get_count()[0]; rep("x = [1, 2]", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
x3 = (v1, v2)
b = gc.get_count()[0]; rep("x = (v1, v2) runtime tuple", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
x4 = (1, 2)
b = gc.get_count()[0]; rep("x = (1, 2) constant", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
x5 = {}
b = gc.get_count()[0]; rep("x = {}", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
x6 = {'a': 1}
b = gc.get_count()[0]; rep("x = {'a': 1}", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
x7 = set()
b = gc.get_count()[0]; rep("x = set()", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
x8 = {1}
b = gc.get_count()[0]; rep("x = {1}", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
x9 = A()
b = gc.get_count()[0]; rep("x = A()", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
x10 = B(1, 2)
b = gc.get_count()[0]; rep("x = B(1, 2) with __init__", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
class C1:
    pass
b = gc.get_count()[0]; rep("class C1: pass", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
class C2(A):
    k = 1
    def mm(self): pass
b = gc.get_count()[0]; rep("class C2(A): k=1; def mm", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
def g1(): pass
b = gc.get_count()[0]; rep("def g1(): pass", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
def g2(p, q=1, r=2): pass
b = gc.get_count()[0]; rep("def g2(p, q=1, r=2) (const defaults)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
def g3(p, q=v1, r=v2): pass
b = gc.get_count()[0]; rep("def g3(p, q=v1, r=v2) (runtime defaults)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
f0()
b = gc.get_count()[0]; rep("f0()", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
f1(1)
b = gc.get_count()[0]; rep("f1(1)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
f2(1, 2)
b = gc.get_count()[0]; rep("f2(1, 2)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
o.m()
b = gc.get_count()[0]; rep("o.m()", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
len(lst)
b = gc.get_count()[0]; rep("len(lst)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
isinstance(o, A)
b = gc.get_count()[0]; rep("isinstance(o, A)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
for e in lst:
    pass
b = gc.get_count()[0]; rep("for e in lst: pass (net)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
for e in lst:
    b = gc.get_count()[0]
rep("for e in lst (inside body)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
for e in range(3):
    b = gc.get_count()[0]
rep("for e in range(3) (inside body)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
for e in (1, 2):
    b = gc.get_count()[0]
rep("for e in (1, 2) (inside body)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
for e in dct:
    b = gc.get_count()[0]
rep("for k in dct (inside body)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
for e in dct:
    pass
b = gc.get_count()[0]; rep("for k in dct (net)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
for k, vv in dct.items():
    b = gc.get_count()[0]
rep("for k, v in dct.items() (inside body)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
for k, vv in dct.items():
    pass
b = gc.get_count()[0]; rep("for k, v in dct.items() (net)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
for e in dct.values():
    b = gc.get_count()[0]
rep("for v in dct.values() (inside body)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
w1 = weakref.ref(o)
b = gc.get_count()[0]; rep("w = weakref.ref(o)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
w2 = weakref.ref(o, cb)
b = gc.get_count()[0]; rep("w = weakref.ref(o, cb)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
w3 = weakref.ref(o)
b = gc.get_count()[0]; rep("w = weakref.ref(o) again (reuses basic ref)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
bm = o.m
b = gc.get_count()[0]; rep("bm = o.m", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
dd = ob.__dict__
b = gc.get_count()[0]; rep("dd = ob.__dict__", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
pp = lst.pop()
b = gc.get_count()[0]; rep("lst.pop()", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
kk = dct.keys()
b = gc.get_count()[0]; rep("kk = dct.keys()", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
rr = range(5)
b = gc.get_count()[0]; rep("rr = range(5)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
ss = 'a' + v2
b = gc.get_count()[0]; rep("str concat", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
dct.get('a'); dct.setdefault('c', 3); dct.pop('c')
b = gc.get_count()[0]; rep("dict get/setdefault/pop", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
lst.append(5); lst.insert(0, 7); lst.remove(7); lst.index(5)
b = gc.get_count()[0]; rep("list append/insert/remove/index", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
lst.extend([8, 9])
b = gc.get_count()[0]; rep("lst.extend([8, 9]) (temp list -> free list)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
gc.get_count()[0]
b = gc.get_count()[0]; rep("gc.get_count() (warm)", b - a)
for name, d in res:
    print(f"{d:3d}  {name}")
