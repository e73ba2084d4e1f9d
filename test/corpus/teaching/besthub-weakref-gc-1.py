# Source: https://www.besthub.dev/articles/handling-circular-references-and-memory-leaks-in-python-with-weakref-and-gc-modules-c87638a114f0
# Licence: not stated
# Topic: weakref
import weakref
class MyClass:
    pass
obj = MyClass()
ref = weakref.ref(obj)  # create weak reference
print(ref())  # -> <__main__.MyClass object at 0x...>
# delete the strong reference
del obj
print(ref())  # -> None (object has been collected)
