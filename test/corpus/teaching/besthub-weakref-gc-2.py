# Source: https://www.besthub.dev/articles/handling-circular-references-and-memory-leaks-in-python-with-weakref-and-gc-modules-c87638a114f0
# Licence: not stated
# Topic: weakref (WeakValueDictionary)
import weakref
cache = weakref.WeakValueDictionary()
class MyClass:
    def __init__(self, key):
        self.key = key
obj1 = MyClass("obj1")
obj2 = MyClass("obj2")
cache[obj1.key] = obj1
cache[obj2.key] = obj2
print(cache.get("obj1"))  # -> <__main__.MyClass object at 0x...>
# delete a strong reference
del obj1
print(cache.get("obj1"))  # -> None
