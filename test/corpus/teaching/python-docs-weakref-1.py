# Source: https://docs.python.org/3.11/library/weakref.html (weak reference objects example)
# Licence: PSF License
# Topic: weakref. Doctest made a script: each expression line is printed.
import weakref
class Object:
    pass

o = Object()
r = weakref.ref(o)
o2 = r()
print(o is o2)
del o, o2
print(r())
