# Q5: order of __del__ when a container is freed by reference counting
import gc, weakref
gc.disable()
class A:
    def __init__(self, name): self.name = name
    def __del__(self): print("  del", self.name)
print("list [a0, a1, a2] freed:")
x = [A("l0"), A("l1"), A("l2")]; del x
print("tuple (a0, a1, a2) freed:")
x = (A("t0"), A("t1"), A("t2")); del x
print("dict {k0:a0, k1:a1, k2:a2} freed:")
x = {'k0': A("d0"), 'k1': A("d1"), 'k2': A("d2")}; del x
print("dict with int keys, insert 2,0,1 and a deleted+reinserted key:")
x = {}; x[2] = A("key2"); x[0] = A("key0"); x[1] = A("key1"); v = x.pop(2); x[2] = v; del v; del x
print("set {a0, a1} freed (hash order):")
s = {A("s0"), A("s1")}; del s
print("instance attributes (inline values, set order b, a, c):")
class H:
    def __init__(self):
        self.b = A("attr b"); self.a = A("attr a"); self.c = A("attr c")
h = H(); del h
print("second instance, attributes set in order c, a, b (keys shared with 1st):")
class H2:
    pass
h = H2(); h.x = A("h1.x"); h.y = A("h1.y"); del h
h = H2(); h.y = A("h2.y"); h.x = A("h2.x"); del h
print("instance whose __dict__ was materialised:")
h = H(); h.__dict__; del h
print("owner with __del__ holding attributes (owner __del__ runs first):")
class O:
    def __init__(self): self.p = A("O.p"); self.q = A("O.q")
    def __del__(self): print("  del O")
o = O(); del o
print("__slots__ instance, slots ('s2', 's1'):")
class S:
    __slots__ = ('s2', 's1')
    def __init__(self): self.s1 = A("slot s1"); self.s2 = A("slot s2")
s = S(); del s
print("nested list [[a, b], c]:")
x = [[A("inner0"), A("inner1")], A("outer1")]; del x
print("rebinding a global frees the old value after the store:")
g = A("old g"); g = A("new g"); print("  (after rebinding)"); del g
print("weakref callbacks on one object, created cb1, cb2, cb3, plus a basic ref:")
def mk(n):
    def cb(w): print("  callback", n)
    return cb
t = A("target")
w0 = weakref.ref(t)
w1 = weakref.ref(t, mk(1)); w2 = weakref.ref(t, mk(2)); w3 = weakref.ref(t, mk(3))
del t
print("end")
