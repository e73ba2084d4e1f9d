# Measures, with the running CPython, the sizes exercise 9 asks for: sys.getsizeof of instances of
# classes with n slots (with and without __weakref__) and without __slots__, and of a list after
# each of 64 appends. Writes python3-sizes.json (run: python3 measure-sizes.py > python3-sizes.json).
import json
import sys


def instance(slots, weakref):
    if slots is None:
        return sys.getsizeof(type("Plain", (), {})())
    names = tuple("s%d" % i for i in range(slots)) + (("__weakref__",) if weakref else ())
    return sys.getsizeof(type("Slotted", (), {"__slots__": names})())


instances = [{"slots": n, "weakref": w, "size": instance(n, w)} for n in range(9) for w in (False, True)]
lst = []
list_sizes = []
for i in range(64):
    lst.append(i)
    list_sizes.append(sys.getsizeof(lst))
print(
    json.dumps(
        {
            "python": sys.version.split()[0],
            "instances": instances,
            "plain_instance": instance(None, True),
            "list_after_appends": list_sizes,
        },
        indent=1,
    )
)
