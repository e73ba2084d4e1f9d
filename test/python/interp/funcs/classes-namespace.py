# What a class statement leaves in the class: __module__ first, the docstring as __doc__ (None
# without one), __qualname__ kept aside; __dict__ is a new mappingproxy each time (a GC object
# of 40 bytes), and __mro__ and __bases__ are the class's own tuples.
import sys
import gc


class Example:
    """An example."""

    class_var = "shared"

    def __init__(self):
        self.instance_var = "unique"


class Bare:
    pass


class Slots:
    __slots__ = ("b", "a")


class Child(Example):
    count: int = 0


print(list(Example.__dict__.keys()))
print(list(Bare.__dict__), list(Slots.__dict__), list(Child.__dict__))
print(Example.__module__, Example.__qualname__, Example.__doc__, Bare.__doc__)
print(Bare.__dict__)
print(repr(Slots.__dict__["a"]), Example.__dict__.get("class_var"), Example.__dict__.get("nope", 0))
print("class_var" in Example.__dict__, len(Bare.__dict__), [k for k in Slots.__dict__])
print(Child.__mro__, Child.__bases__, Child.__base__)
print([c.__name__ for c in Child.__mro__])
print(sys.getsizeof(Example.__dict__), type(Example.__dict__).__name__)
gc.collect()
print(gc.get_count())
proxy = Example.__dict__
print(gc.get_count(), sys.getrefcount(proxy), proxy is Example.__dict__)
print(sys.getrefcount(Child.__mro__), sys.getrefcount(Child.__bases__), sys.getrefcount(Child))
del proxy
print(gc.get_count())
