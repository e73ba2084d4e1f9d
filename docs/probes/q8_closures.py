# What closures allocate and hold in 3.11 (CPython 3.11.7), the facts python/interp/closures.ts
# models. Run: python3 docs/probes/q8_closures.py
import gc, sys


class D:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)


# A cell is a GC object of 40 bytes (PyCellObject 24 + GC head 16); a closure tuple of one cell 48.
def outer():
    x = D('x')
    def inner():
        return x
    return inner
f = outer()
c = f.__closure__[0]
print('cell', type(c).__name__, sys.getsizeof(c), gc.is_tracked(c), sys.getsizeof(f.__closure__))
# refcount 3: the closure tuple, c, getrefcount's argument; the tuple: f and the argument
print('refcounts', sys.getrefcount(c), sys.getrefcount(f.__closure__))
del c

# co_cellvars and co_freevars are sorted by name; a parameter cell keeps its parameter slot
def p(b, a):
    z = y = 0
    def i(): return a + b + y + z
    return i
print('names', p.__code__.co_varnames, p.__code__.co_cellvars, p(1, 2).__code__.co_freevars)

# gc counts: a call of outer() makes the cell (MAKE_CELL), the D instance, the closure tuple and
# the function; the generator function's cell is made at the call, before the generator object
gc.collect(); print('before outer()', gc.get_count())
g = outer()
print('after outer()', gc.get_count())
def genf():
    k = 0
    def bump():
        nonlocal k
        k += 1
    while k < 2:
        bump()
        yield k
gc.collect(); print('before genf()', gc.get_count())
gen = genf()
print('after genf() (cell + generator)', gc.get_count(), sys.getsizeof(gen), list(gen))

# the frame releases locals, then cells, then free variables (localsplus order) on return
def order():
    a = D('plain local a')
    b = D('cell b')
    def use(): return b
    c = D('plain local c')
    return None
order()

# a closure keeps its cell's object alive until the last function holding the cell dies
del f
print('f deleted')
del g
print('g deleted')

# a function stored in the variable it closes over is a cycle: only the collector frees it
def cyc():
    d = D('in cycle')
    def me(): return me, d
    return me
m = cyc(); del m
print('dropped cycle, collect ->', gc.collect())

# late binding: the cell is read at call time; a default argument is evaluated at def time
fs = [lambda: i for i in range(3)]
print([h() for h in fs], [h() for h in [lambda i=i: i for i in range(3)]])
print((lambda: 0).__qualname__, outer().__qualname__)
