# Source: https://docs.python.org/3.11/library/weakref.html (finalizer objects: "You killed Kenny!")
# Licence: PSF License
# Topic: weakref.finalize. Doctest made a script: each expression line is printed.
import weakref
class Object:
    pass

kenny = Object()
print(weakref.finalize(kenny, print, "You killed Kenny!"))
del kenny
