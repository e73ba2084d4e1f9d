# Q5: move_unreachable reorders SURVIVORS: objects that are only referenced
# by an object later in the gc list are tentatively moved to 'unreachable'
# and then moved back to the END of the generation, in the order the later
# object's tp_traverse visits them (list_traverse: last item first).
import gc
gc.disable()
class A:
    def __init__(self, name): self.name = name
    def __del__(self): print("  del", self.name)
gc.collect()
print("p, q created before list L = [p, q]; collect(); then make garbage:")
L = [A("p"), A("q")]
gc.collect()                               # survivors reordered: L, q, p
p, q = L; p.o = q; q.o = p; del L, p, q
print("  collect ->", gc.collect())
print("same without the intermediate collect:")
L = [A("p"), A("q")]
p, q = L; p.o = q; q.o = p; del L, p, q
print("  collect ->", gc.collect())
print("instance holder h created AFTER its attribute objects (attrs x, y):")
x = A("x"); y = A("y")
class H: pass
h = H(); h.x = x; h.y = y; del x, y
gc.collect()                               # h traverses inline values x, y in key order -> x then y appended
h.x.o = h.y; h.y.o = h.x; del h
print("  collect ->", gc.collect())
print("dict holder d = {'k1': a, 'k2': b} created after a, b:")
d = {'k1': A("a"), 'k2': A("b")}
gc.collect()
d['k1'].o = d['k2']; d['k2'].o = d['k1']; del d
print("  collect ->", gc.collect())
print("tuple holder t = (a, b) created after a, b:")
t = (A("a"), A("b"))
gc.collect()
t[0].o = t[1]; t[1].o = t[0]; del t
print("  collect ->", gc.collect())
