# Q3/Q5: gc-list (tracking) order of the objects created by a class
# statement, a def with runtime defaults, and an instance; gen0 is listed
# right after a full collection, so it holds exactly the new objects.
import gc
gc.disable()
class A:
    def __init__(self, name): self.name = name
    def __repr__(self): return "A(%s)" % self.name
def show(tag):
    out = []
    for o in gc.get_objects(0):
        if o is out: continue
        t = type(o).__name__
        if t == 'dict': r = 'dict' + str(sorted(k for k in o if isinstance(k, str)))[:60]
        elif t == 'tuple': r = 'tuple' + repr(o)[:50]
        elif t == 'function': r = 'function ' + o.__qualname__
        elif t == 'type': r = 'type ' + o.__name__
        else: r = t + ' ' + repr(o)[:50]
        out.append(r)
    print(tag)
    for r in out: print("   ", r)
gc.collect()
class K:
    attr = A("K.attr")
    def m(self): pass
show("class K: attr = A(...); def m")
gc.collect()
v = A("v")
gc.collect()
def f(p=v, q=A("dflt")):
    pass
show("def f(p=v, q=A('dflt'))")
gc.collect()
o = A("o"); o.x = [1]
show("o = A('o'); o.x = [1]")
