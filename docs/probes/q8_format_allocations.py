# Q8: which formatting operations make a GC allocation (a collection starts at threshold 1 when one does).
# Findings: PyObject_Format binds __format__ (one GC object) unless the spec is empty and the value
# an exact str or int; str.format renders exact str/int directly but packs its arguments in a tuple;
# conversions (!r, !s), str(), repr(), ljust, type(x).__name__, id() and hex() allocate no GC object.
import gc, sys
x = 5; s = 'ab'; L = [1]; fl = 1.5
class A: pass
class B:
    def __repr__(self): return 'B!'
    def __format__(self, spec): return 'F' + spec
a = A(); b = B()
n = [0]
def cb(phase, info):
    if phase == 'start': n[0] += 1
gc.callbacks.append(cb)
def t(label, f):
    gc.collect()
    gc.set_threshold(1)
    n[0] = 0
    f()
    gc.set_threshold(700)
    print(label, n[0])
t('noop', lambda: None)
t('int', lambda: f"{x}")
t('int spec', lambda: f"{x:3d}")
t('str', lambda: f"{s}")
t('str spec', lambda: f"{s:>5}")
t('list', lambda: f"{L}")
t('list !r', lambda: f"{L!r}")
t('repr int', lambda: f"{x!r}")
t('inst', lambda: f"{a}")
t('inst !r', lambda: f"{a!r}")
t('B', lambda: f"{b}")
t('B!r', lambda: f"{b!r}")
t('format int', lambda: format(x, 'd'))
t('format int empty', lambda: format(x))
t('strformat', lambda: "{}".format(x))
t('strformat2', lambda: "{} {}".format(x, s))
t('strformat spec', lambda: "{:3d}".format(x))
t('float', lambda: f"{fl}")
t('float spec', lambda: f"{fl:.2f}")
t('bool', lambda: f"{True}")
t('none', lambda: f"{None}")
t('pct', lambda: "%d" % x)
t('pct2', lambda: "%d %s" % (x, s))
t('join', lambda: ",".join(["a","b"]))
t('join tuple', lambda: ",".join(("a","b")))
t('str()', lambda: str(x))
t('repr()', lambda: repr(x))
t('str(b)', lambda: str(b))
t('ljust', lambda: s.ljust(5))
t('upper', lambda: s.upper())
t('type name', lambda: type(x).__name__)
t('class name', lambda: a.__class__.__name__)
t('id', lambda: id(x))
t('hex id', lambda: hex(id(x)))
