# Q8: what each call shape builds and holds on CPython 3.11.7 (python/interp/calls.ts,
# python/interp/call-unpacking.ts). Run with python3; the simulator agrees on every line
# (test/python/interp/call-programs.ts runs the same shapes).
import gc, sys

x = [1]

def probe(p, *rest, **named):
    print(sys.getrefcount(p), len(rest), sorted(named))

# A plain call moves the argument into the frame: global, p, getrefcount's argument = 3
probe(x)
# *[x]: the list becomes a tuple (PySequence_Tuple) the caller keeps during the call: 4
probe(*[x])
# *(x,): a tuple is passed as it is, held on the caller's stack: 4
probe(*(x,))
# with **: the merged dict (a new one: BUILD_MAP + DICT_MERGE; the literal dies), the argument
# array of _PyStack_UnpackDict (one reference per argument), the frame's p and named['k']: 8
probe(*(x,), **{'k': x})

# *args is a new tuple, **kwargs a new dict, made in the callee (initialize_locals); with none
# passed, *args is the empty tuple singleton and **kwargs an empty dict all the same
def shapes(a, *args, k=0, **kwargs):
    return gc.get_count()

gc.collect()
print(gc.get_count(), shapes(1), shapes(1, 2, 3, k=1, z=2))

# keyword-only defaults are a dict the function keeps (func_kwdefaults), built at def time
def kw(*, key, default=None):
    return key, default
print(kw.__kwdefaults__, kw(key=1))

# binding errors, word for word (qualname, CPython's plurals and list of names)
def f(a, b, c=3, *, d, e=5):
    pass
for args, kwargs in [((1, 2, 3, 4), {'d': 0}), ((), {}), ((1,), {'a': 1, 'd': 0}), ((1, 2), {'z': 0, 'd': 1})]:
    try:
        f(*args, **kwargs)
    except TypeError as err:
        print(err)
