# Q3: shutdown collections: gc.callbacks, weakref callbacks, resurrection,
# gc.garbage non-empty, garbage cycles pending at exit.
import gc, weakref, sys
def cb(phase, info):
    print("gc callback", phase, info)
gc.callbacks.append(cb)
class A:
    def __init__(self, name): self.name = name
    def __del__(self):
        print("del", self.name)
saved = []
class R:
    def __del__(self):
        print("del R (resurrects into saved)")
        saved.append(self)
def wcb(w):
    print("weakref callback, referent dead:", w() is None)
x = A("x global")
wx = weakref.ref(x, wcb)
g1 = A("garbage cycle 1"); g2 = A("garbage cycle 2"); g1.o = g2; g2.o = g1
del g1, g2                      # pending cyclic garbage at exit
r = R()
gc.garbage.append("junk")       # makes gc.garbage non-empty
print("end of script, count:", gc.get_count())
