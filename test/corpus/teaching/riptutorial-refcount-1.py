# Source: https://riptutorial.com/python/example/8380/viewing-the-refcount-of-an-object
# Licence: CC BY-SA 3.0 (Stack Overflow Documentation)
# Topic: refcount. REPL session made a script: each expression line is printed.
import sys
a = object()
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
