# Source: https://docs.python.org/3.11/library/weakref.html (finalizer objects: called at exit)
# Licence: PSF License
# Topic: weakref.finalize at exit. Doctest made a script: each expression line is printed; exit() ends it.
import weakref
class Object:
    pass

obj = Object()
print(weakref.finalize(obj, print, "obj dead or exiting"))
exit()
