# Q1: more count0 deltas: print, class variants, steady state (warm free lists)
import gc, sys
gc.disable()
class A:
    def m(self): return 1
class B:
    def __init__(self, x, y): self.x = x; self.y = y
lst = [1, 2, 3]; v1 = 1
res = []
def rep(name, d): res.append((name, d))

gc.collect(); gc.get_count(); a = gc.get_count()[0]
print(1)
b = gc.get_count()[0]; rep("print(1)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
print(1)
b = gc.get_count()[0]; rep("print(1) again", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
print('abc', lst)
b = gc.get_count()[0]; rep("print('abc', lst)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
sys.getrefcount(lst)
b = gc.get_count()[0]; rep("sys.getrefcount(lst)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
sys.getsizeof(lst)
b = gc.get_count()[0]; rep("sys.getsizeof(lst)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
class C0:
    pass
b = gc.get_count()[0]; rep("class C0: pass", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
class C0b:
    pass
b = gc.get_count()[0]; rep("class C0b: pass (second class)", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
class C3:
    def a(self): pass
    def b(self): pass
    def c(self): pass
b = gc.get_count()[0]; rep("class C3 with 3 methods", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
class C4:
    __slots__ = ('x', 'y')
b = gc.get_count()[0]; rep("class C4: __slots__=('x','y')", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
class C5:
    def __del__(self): pass
b = gc.get_count()[0]; rep("class C5 with __del__", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
class C6(A):
    pass
b = gc.get_count()[0]; rep("class C6(A): pass", b - a)
gc.collect(); gc.get_count(); a = gc.get_count()[0]
class C7:
    x = [1, 2]
    y = {}
b = gc.get_count()[0]; rep("class C7: x=[1,2]; y={}", b - a)
# steady state: same construct twice, measure the second time (no collect between)
t = None; gc.collect(); gc.get_count()
t = B(1, 2); del t
a = gc.get_count()[0]
t = B(1, 2)
b = gc.get_count()[0]; rep("B(1,2) warm (args tuple from free list)", b - a)
t = None; gc.collect(); gc.get_count()
t = [1, 2]; del t
a = gc.get_count()[0]
t = [1, 2]
b = gc.get_count()[0]; rep("[1,2] after del of a list (list free list)", b - a)
t = None; gc.collect(); gc.get_count()
t = {}; del t
a = gc.get_count()[0]
t = {}
b = gc.get_count()[0]; rep("{} after del of a dict (dict free list)", b - a)
t = None; gc.collect(); gc.get_count()
t = set(); del t
a = gc.get_count()[0]
t = set()
b = gc.get_count()[0]; rep("set() after del of a set (no free list)", b - a)
t = None; gc.collect(); gc.get_count()
t = A(); del t
a = gc.get_count()[0]
t = A()
b = gc.get_count()[0]; rep("A() after del of an A", b - a)
t = None; gc.collect(); gc.get_count()
a = gc.get_count()[0]
t = A()
del t
b = gc.get_count()[0]; rep("t = A(); del t", b - a)
t = None; gc.collect(); gc.get_count()
a = gc.get_count()[0]
t = [1]
del t
b = gc.get_count()[0]; rep("t = [1]; del t", b - a)
gc.collect(); gc.get_count()
a = gc.get_count()[0]
for e in lst:
    pass
for e in lst:
    pass
b = gc.get_count()[0]; rep("two for-loops over list (net)", b - a)
gc.collect(); gc.get_count()
d = {'a': 1}
for k, v in d.items(): pass
a = gc.get_count()[0]
for k, v in d.items(): pass
b = gc.get_count()[0]; rep("for k,v in d.items() warm (net)", b - a)
class I0:
    def __init__(self): self.v = 1
gc.collect(); gc.get_count(); a = gc.get_count()[0]
t0 = I0()
b = gc.get_count()[0]; rep("I0() with __init__(self) storing an attribute", b - a)
for name, d in res:
    print(f"{d:3d}  {name}")
