# Source: https://docs.python.org/3.11/library/weakref.html (finalizer objects: detach)
# Licence: PSF License
# Topic: weakref.finalize. Doctest made a script: the echoed value is printed and the REPL's `_` is named.
import weakref
class Object:
    pass

def callback(x, y, z):
    print("CALLBACK")
    return x + y + z

obj = Object()
f = weakref.finalize(obj, callback, 1, 2, z=3)
_ = f.detach()
print(_)
newobj, func, args, kwargs = _
assert not f.alive
assert newobj is obj
assert func(*args, **kwargs) == 6
