/**
 * Programs using weakref.finalize, atexit and the ways out of a program (sys.exit, exit, quit,
 * an uncaught SystemExit), each deterministic on CPython 3.11: gc counts after a collection,
 * refcounts, `__del__` output and the order of what runs at exit show a modelling mistake.
 */

/** Programs that end normally: stdout must be python3's byte for byte. */
export const FINALIZE_PROGRAMS: Record<string, string> = {
  'weakref.finalize: allocations, refcounts and gc counts (docs/probes/q8_finalize.py)': `# Q8: what weakref.finalize allocates and holds (CPython 3.11), and when its callback runs.
# gc.get_count()[0] after a gc.collect() counts GC allocations minus deallocations since; the
# collection empties the free lists, so each temporary tuple or dict shows as one.
import gc, sys, weakref
class A:
    def __del__(self):
        print("del A", self.n)
def f(x=None):
    print("f called", x, gc.get_count())
def g(x):
    print("g", x, "refcount of g", sys.getrefcount(g))
a = A()
a.n = 1
b = A()
b.n = 2
c = A()
c.n = 3
gc.collect()
fa = weakref.finalize(a, f)
print("first finalize (registers _exitfunc with atexit):", gc.get_count())
gc.collect()
fb = weakref.finalize(b, f, 1)
print("with one extra argument:", gc.get_count())
gc.collect()
fc = weakref.finalize(c, print, "c", sep="-", end="!\\n")
print("with an argument and a keyword:", gc.get_count())
gc.collect()
weakref.finalize(c, g, 7)
print("a result dropped at once:", gc.get_count())
print("refcounts: finalizer", sys.getrefcount(fa), "info", sys.getrefcount(weakref.finalize._registry[fa]), "f", sys.getrefcount(f))
print("weakrefs to c", weakref.getweakrefcount(c), "registry", len(weakref.finalize._registry))
print("sizes", sys.getsizeof(fa), sys.getsizeof(weakref.finalize._registry[fa]), gc.is_tracked(fa))
print("alive", fa.alive, "atexit", fa.atexit)
gc.collect()
print("peek", fa.peek()[1] is f, gc.get_count())
gc.collect()
print("call:", fa(), gc.get_count(), fa.alive, fa())
gc.collect()
del a
print("after del a", gc.get_count())
gc.collect()
del b
print("after del b (f called from the weakref callback)", gc.get_count())
gc.collect()
d = fc.detach()
print("detach", d[1] is print, d[2], d[3], fc.alive, fc.detach(), gc.get_count())
del d
gc.collect()
del c
print("after del c", gc.get_count())
print("end")
`,
  'weakref.finalize: objects in a cycle collected by gc': `import gc, weakref, sys
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name, gc.get_count())
def gone(name):
    print("finalizer", name, gc.get_count())
gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
fa = weakref.finalize(a, gone, "a")
weakref.finalize(b, gone, "b")
def callback(ref):
    print("weakref callback")
r = weakref.ref(a, callback)
del a, b
gc.collect()
print("collected", gc.collect(), fa.alive, len(weakref.finalize._registry))
`,
  'weakref.finalize: a bound method keeps its object alive; gc.get_referrers sees the _Info': `import gc, weakref, sys
class Resource:
    def __init__(self, name):
        self.name = name
    def close(self):
        print("close", self.name)
    def __del__(self):
        print("del", self.name)
r = Resource("bound method: keeps its object alive")
f = weakref.finalize(r, r.close)
print(sys.getrefcount(r), f.alive)
del r
gc.collect()
print("still alive", f.alive)
s = Resource("plain")
g = weakref.finalize(s, print, "finalizer of plain")
refs = gc.get_referrers(print)
print([type(x).__name__ for x in refs if type(x).__name__ == "_Info"])
del refs
del s
print("end", f.alive, g.alive)
`,
  'weakref.finalize: repr, peek, the atexit flag, calls after death': `import weakref
class Thing:
    pass
t = Thing()
f = weakref.finalize(t, print, "bye")
text = repr(f)
print(text.startswith("<finalize object at 0x"), text.split(";")[1].split(" at ")[0], str(f) == text)
print(type(f).__name__, f.peek()[0] is t, f.peek()[2], f.peek()[3])
f.atexit = 0
print(f.atexit)
f()
print(repr(f).split(";")[1], f.atexit, f.peek(), f.detach())
f.atexit = True
print(f.atexit)
`,
  'exit order: atexit callbacks, finalizers newest first, then teardown (docs/probes/q8_finalize_exit.py)': `# Q8: the order of output at interpreter exit (CPython 3.11): atexit callbacks newest first, the
# finalizers still alive with atexit true among them (finalize's _exitfunc, registered when the
# first finalizer was made, calls them newest first), then the exit collection and the teardown
# of __main__, where finalizers no longer call anything.
import atexit, weakref
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def bye(name):
    print("atexit", name)
def fin(name):
    print("finalizer", name if type(name) is str else name.name)
atexit.register(bye, "first registered")
a = A("a")
b = A("b")
c = A("c")
d = A("d")
cycle = A("cycle")
cycle.self = cycle
weakref.finalize(a, fin, "a")
fb = weakref.finalize(b, fin, "b")
fb.atexit = False
weakref.finalize(c, fin, "c")
weakref.finalize(cycle, fin, "cycle")
atexit.register(bye, "last registered")
arg = A("argument of a finalizer")
weakref.finalize(d, fin, arg)
del arg
print("end of script", fb.atexit, fb.alive)
`,
  'exit order: a finalizer made by another at exit is called too': `import weakref
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
keep = []
def later(name):
    print("finalizer", name)
def make_more(name):
    print("finalizer", name, "makes another")
    obj = A("made at exit")
    keep.append(obj)
    weakref.finalize(obj, later, "made at exit")
x = A("x")
y = A("y")
weakref.finalize(x, later, "x")
weakref.finalize(y, make_more, "y")
print("end")
`,
  'atexit: arguments and keywords, unregister, arguments released after the callbacks': `import atexit, gc
class A:
    def __del__(self):
        print("del A")
def show(a, b, sep):
    print("show", a, b, sep)
def never():
    print("never")
held = A()
atexit.register(print, "print", "with", "keywords", sep="-", end="!\\n")
atexit.register(show, 1, 2, ":")
r = atexit.register(never)
print(r is never)
atexit.unregister(never)
def keep(x):
    print("keep", type(x).__name__)
atexit.register(keep, held)
del held
gc.collect()
print("end", gc.get_count())
`,
};

/** Programs ending in SystemExit: stdout, stderr and the exit status must all be python3's. */
export const EXIT_PROGRAMS: Record<string, string> = {
  'sys.exit caught and uncaught, finally, locals released before atexit (docs/probes/q8_exit.py)': `# Q8: SystemExit (CPython 3.11): exit(), quit() and sys.exit() raise it; try/except catches it and
# \`finally\` runs; uncaught, it prints no traceback (a non-int code is printed on stderr, status 1),
# and it is released with its traceback (the frames' locals) before the atexit callbacks run.
import atexit, sys, gc
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def bye():
    print("atexit bye")
atexit.register(bye)
try:
    sys.exit(3)
except SystemExit as e:
    print("caught", e.args, e.code)
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.args, e.code)
try:
    exit()
except SystemExit as e:
    print("caught", e.args, e.code)
try:
    quit("message")
except SystemExit as e:
    print("caught", e.args, e.code, type(e).__name__)
try:
    sys.exit(1, 2)
except TypeError as e:
    print(e)
def f():
    local = A("local of f")
    try:
        sys.exit(2)
    finally:
        print("finally runs")
g = A("global")
gc.collect()
print("count", gc.get_count())
f()
print("not reached")
`,
  'exit("bye") from a function: message on stderr, status 1, then atexit and finalizers': `import weakref, atexit
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a = A("a")
weakref.finalize(a, print, "finalizer of a at exit")
atexit.register(print, "atexit")
def leave():
    local = A("local")
    exit("bye")
leave()
`,
  'SystemExit codes: 256, -1, True, a bare raise SystemExit': `import sys
for code in [256, -1, True, 7]:
    try:
        sys.exit(code)
    except SystemExit as e:
        print(e.code, e.args)
try:
    raise SystemExit
except BaseException as e:
    print(type(e).__name__, e.args, e.code)
print("exits with 255")
sys.exit(-1)
`,
  'raise SystemExit (the class): status 0, finalizers still run at exit': `import weakref
class A:
    pass
a = A()
f = weakref.finalize(a, print, "at exit after SystemExit")
print(f.alive)
raise SystemExit
`,
};

/**
 * Programs whose stderr holds a traceback (CPython's has position markers and weakref.py's frame):
 * stdout, the exit status and stderr's last line must be python3's.
 */
export const TRACEBACK_PROGRAMS: Record<string, { source: string; lastLine: string | null }> = {
  'an uncaught exception: its traceback, then atexit and the finalizers': {
    source: `import weakref, atexit
class A:
    def __del__(self):
        print("del A")
a = A()
weakref.finalize(a, print, "finalizer runs after the traceback")
atexit.register(print, "atexit too")
def fail():
    local = A()
    return 1 // 0
fail()
`,
    lastLine: 'ZeroDivisionError: integer division or modulo by zero',
  },
  'a finalizer that raises is unraisable; the next one raises at its direct call': {
    source: `import weakref, gc
class A:
    pass
def bad(x):
    print("bad called", x)
    return 1 // 0
a = A()
f = weakref.finalize(a, bad, 5)
del a
print("after", f.alive)
b = A()
g = weakref.finalize(b, bad, 6)
print(g() is None)
`,
    lastLine: 'ZeroDivisionError: integer division or modulo by zero',
  },
  'SystemExit raised by a finalizer callback is ignored (unraisable)': {
    source: `import weakref, sys
class A:
    pass
a = A()
weakref.finalize(a, sys.exit, 3)
del a
print("still running")
b = A()
weakref.finalize(b, quit)
print("end")
`,
    lastLine: null,
  },
};
