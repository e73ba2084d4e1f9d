# Q3: weakref callbacks and resurrecting __del__ at shutdown (no gc.callbacks)
import gc, weakref
class A:
    def __init__(self, name): self.name = name
    def __del__(self):
        print("del", self.name)
saved = []
class R:
    def __del__(self):
        print("del R (resurrects into global list 'saved')")
        saved.append(self)
def wcb(w):
    print("weakref callback for", names.get(id(w)))
names = {}
x = A("x")
wx = weakref.ref(x, wcb); names[id(wx)] = "wx -> x"
y = A("y")
wy = weakref.ref(y, wcb); names[id(wy)] = "wy -> y"
wy2 = weakref.ref(y, wcb); names[id(wy2)] = "wy2 -> y (2nd ref to y)"
g1 = A("garbage cycle 1"); g2 = A("garbage cycle 2"); g1.o = g2; g2.o = g1
wg = weakref.ref(g1, wcb); names[id(wg)] = "wg -> g1"
del g1, g2
r = R()
print("end of script")
