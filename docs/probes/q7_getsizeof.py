# Q7: sys.getsizeof values on CPython 3.11 (64-bit)
import sys, weakref
S = sys.getsizeof
class A:
    def m(self): pass
class Slots2:
    __slots__ = ('x', 'y')
class Slots0:
    __slots__ = ()
class SlotsW:
    __slots__ = ('x', '__weakref__')
class SlotsD:
    __slots__ = ('x', '__dict__')
a = A()
print("instance A():", S(a))
a.p = 1; a.q = 2
print("after 2 attrs (inline values):", S(a))
print("__dict__ of a (materialised, split, 2 keys):", S(a.__dict__), " instance now:", S(a))
b = A(); b.p = 1; b.q = 2; b.r = 3
print("__dict__ of b (3 keys, shared keys grew):", S(b.__dict__))
c = A()
print("__dict__ of c with no attrs:", S(c.__dict__))
print("slots ('x','y'):", S(Slots2()), " slots ():", S(Slots0()), " ('x','__weakref__'):", S(SlotsW()), " ('x','__dict__'):", S(SlotsD()))
print("None, True, False:", S(None), S(True), S(False))
print("ints 0, 1, 255, 2**30-1, 2**30, 2**60-1, 2**60, 2**90, -1, -2**30:", [S(x) for x in (0, 1, 255, 2**30-1, 2**30, 2**60-1, 2**60, 2**90, -1, -2**30)])
print("str '', 'a', 'abc', 'é', 'éé', '€', '😀', 'a'*100:", [S(x) for x in ('', 'a', 'abc', 'é', 'éé', '€', '😀', 'a'*100)])
print("tuples () (1,) (1,2) 5-tuple:", S(()), S((1,)), S((1, 2)), S((1, 2, 3, 4, 5)))
def f(): pass
print("function:", S(f), " class A:", S(A), " class Slots2:", S(Slots2), " weakref:", S(weakref.ref(a)), " bound method:", S(a.m))
print("range(10):", S(range(10)), " iter(list):", S(iter([])), " dict_keys view:", S({}.keys()))
# lists
L = []
seq = [("[]", S(L))]
for i in range(10):
    L.append(i); seq.append(("append", S(L)))
print("list appends:", [s for _, s in seq])
L = [1, 2, 3]; r = [S(L)]
L.insert(0, 0); r.append(S(L))
L.extend([5, 6]); r.append(S(L))
L.extend(range(10)); r.append(S(L))
print("[1,2,3] -> insert -> extend 2 -> extend range(10):", r, "len", len(L))
L = list(range(20)); r = [S(L)]
while L:
    L.pop(); r.append(S(L))
print("list(range(20)) popped to empty, sizes:", r)
L = [0] * 8; L.append(1); r = [S(L)]
for x in range(9):
    L.remove(L[-1]); r.append(S(L))
print("[0]*8+append, remove() to empty:", r)
L = list(range(100)); L.clear(); print("list.clear():", S(L))
L = [1, 2, 3]; L.extend([]); print("[1,2,3].extend([]):", S(L))
L = []; L.extend([1, 2, 3]); print("[].extend([1,2,3]):", S(L))
L = []; L.extend([1]); print("[].extend([1]):", S(L))
L = []; L.insert(0, 1); print("[].insert(0,1):", S(L))
L = [None] * 5; print("[None]*5:", S(L))
print("[1,2]:", S([1, 2]), "[1,2,3]:", S([1, 2, 3]), "[1,2,3,4,5]:", S([1, 2, 3, 4, 5]), "list(range(5)):", S(list(range(5))))
# dicts
d = {}; r = [S(d)]
for i in range(12):
    d['k%d' % i] = i; r.append(S(d))
print("str-key dict inserts 0..12:", r)
d = {}; r = [S(d)]
for i in range(12):
    d[i] = i; r.append(S(d))
print("int-key dict inserts 0..12:", r)
d = {'k%d' % i: i for i in range(8)}; r = [S(d)]
for i in range(8):
    del d['k%d' % i]; r.append(S(d))
print("delete all 8 (no shrink):", r)
d['new'] = 1; print("insert after deleting all:", S(d))
d = {'k%d' % i: i for i in range(8)}; d.clear(); print("dict.clear():", S(d))
d = {'a': 1}; d.pop('a'); print("{'a':1}.pop('a'):", S(d))
d = {'a': 1, 'b': 2}; print("{'a':1,'b':2} display:", S(d), " {1:1}:", S({1: 1}), " dict(a=1):", S(dict(a=1)))
d = {}; d.setdefault('x', []); print("setdefault on {}:", S(d))
for n in (5, 6, 10, 11, 21, 22, 42, 43):
    dd = {}
    for i in range(n): dd['k%d' % i] = i
    print("  %d str keys: %d" % (n, S(dd)), end='')
print()
# sets
s = set(); r = [S(s)]
for i in range(20):
    s.add(i); r.append(S(s))
print("set adds 0..20:", r)
for i in range(20):
    s.remove(i)
print("after removing all:", S(s))
s.clear(); print("after clear():", S(s))
print("{1}:", S({1}), " {1,2,3}:", S({1, 2, 3}), " set([1,2,3,4,5]):", S(set([1, 2, 3, 4, 5])))
# dict: deleted slots are only reclaimed by the next resize, which is sized
# from ma_used*3 (can shrink)
d = {'k%d' % i: i for i in range(10)}; r = [S(d)]
for i in range(10): del d['k%d' % i]
for i in range(4):
    d['n%d' % i] = i; r.append(S(d))
print("10 keys, delete all, insert 4 new:", r)
print("display sizes: 6 keys", S({'a':1,'b':2,'c':3,'d':4,'e':5,'f':6}), " 11 keys", S({'a':1,'b':2,'c':3,'d':4,'e':5,'f':6,'g':7,'h':8,'i':9,'j':10,'k':11}))
print("set display {1,2,3,4,5}:", S({1, 2, 3, 4, 5}))
class Many: pass
m = Many()
for i in range(31): setattr(m, 'a%d' % i, i)
print("instance with 31 attrs: __dict__", S(m.__dict__), " instance", S(m))
class Cnt: pass
sizes = []
for k in range(4):
    o = Cnt(); o.x = 1
    sizes.append(S(o.__dict__))
print("__dict__ size of the k-th instance of a class (each creation consumes a shared-keys slot):", sizes)
class Dyn: pass
p = Dyn(); p.x = 1; dp = p.__dict__
r = [S(dp)]
q1 = Dyn(); r.append(S(dp))
q2 = Dyn(); r.append(S(dp))
q2.y = 5; r.append(S(dp))
print("size of ONE materialised instance dict as more instances / attr names appear:", r)
