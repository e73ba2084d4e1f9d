# Q5: order of __del__ / weakref callbacks when gc.collect() frees cycles
import gc, weakref
gc.disable()
class A:
    def __init__(self, name): self.name = name
    def __del__(self): print("  del", self.name)
def case(title):
    print(title)
gc.collect()
case("2-cycle, a created first, a.o = b, b.o = a:")
a = A("a"); b = A("b"); a.o = b; b.o = a; del a, b; print("  collect ->", gc.collect())
case("2-cycle, del order reversed (del b, a):")
a = A("a"); b = A("b"); a.o = b; b.o = a; del b, a; print("  collect ->", gc.collect())
case("3-cycle a->b->c->a created a, b, c:")
a = A("a"); b = A("b"); c = A("c"); a.o = b; b.o = c; c.o = a; del a, b, c; print("  collect ->", gc.collect())
case("3-cycle created c, b, a (c first):")
c = A("c"); b = A("b"); a = A("a"); a.o = b; b.o = c; c.o = a; del a, b, c; print("  collect ->", gc.collect())
case("cycle a<->b, a also holds non-cyclic x (created last):")
a = A("a"); b = A("b"); a.o = b; b.o = a; a.x = A("x (only ref from a)"); del a, b; print("  collect ->", gc.collect())
case("cycle through a list: L = [p, q]; p.L = L; q.L = L:")
p = A("p"); q = A("q"); L = [p, q]; p.L = L; q.L = L; del p, q, L; print("  collect ->", gc.collect())
case("list created before its items: L = []; then append p, q; p.L = L:")
L = []; p = A("p"); q = A("q"); L.append(p); L.append(q); p.L = L; del p, q, L; print("  collect ->", gc.collect())
case("weakref callbacks on cycle members (external weakrefs):")
def mk(n):
    def cb(w): print("  callback", n)
    return cb
a = A("a"); b = A("b"); a.o = b; b.o = a
wa1 = weakref.ref(a, mk("wa1")); wb = weakref.ref(b, mk("wb")); wa2 = weakref.ref(a, mk("wa2"))
del a, b; print("  collect ->", gc.collect())
case("survivor in gen1 + new objects in gen0 (young order = gen2,gen0,gen1 for full collect):")
a = A("old a"); b = A("old b"); a.o = b; b.o = a
gc.collect(0)                       # a, b move to gen1 (still referenced)
c = A("new c"); d = A("new d"); c.o = d; d.o = c
del a, b, c, d; print("  collect ->", gc.collect())
case("objects already in gen2 vs gen0:")
a = A("gen2 a"); b = A("gen2 b"); a.o = b; b.o = a
gc.collect()                        # a, b -> gen2
c = A("gen0 c"); d = A("gen0 d"); c.o = d; d.o = c
del c, d, a, b; print("  collect ->", gc.collect())
