# Q8: the order of output at interpreter exit (CPython 3.11): atexit callbacks newest first, the
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
