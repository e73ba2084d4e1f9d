# Source: https://github.com/fluentpython/example-code (Fluent Python 1st ed., Example 8-17, as typed into a reader's notes script)
# Licence: MIT
# Topic: weakref.ref
import weakref

a_set = {0, 1}
wref = weakref.ref(a_set)
print(wref)   # <weakref at...'; to set at ...>
print(wref()) # {0, 1}

a_set = {2, 3, 4}
print(wref()) # None
print(wref() is None) # True
