# Lesson: __slots__ at scale.
#
# An ordinary instance keeps its attributes in a dictionary, its __dict__. A class that declares
# __slots__ gives each instance fixed places for the named attributes instead, and no __dict__.
# One instance saves little; a hundred thousand save a lot.
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class SlottedPoint:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


COUNT = 100_000
points = [Point(i, i) for i in range(COUNT)]
slotted = [SlottedPoint(i, i) for i in range(COUNT)]

p = points[-1]
s = slotted[-1]

print(f"One instance of each (the last of {COUNT:,}):")
print(f"  Point:          {sys.getsizeof(p):>4} bytes for the instance")
print(f"                  {sys.getsizeof(p.__dict__):>4} bytes for its __dict__")
print(f"  SlottedPoint:   {sys.getsizeof(s):>4} bytes, and no __dict__ at all")
print()

print("What __slots__ takes away:")
try:
    s.__dict__
except AttributeError as error:
    print(f"  s.__dict__ -> AttributeError: {error}")
try:
    s.z = 3
except AttributeError as error:
    print(f"  s.z = 3    -> AttributeError: {error}")
print()

plain_total = sum(sys.getsizeof(q) + sys.getsizeof(q.__dict__) for q in points)
slotted_total = sum(sys.getsizeof(q) for q in slotted)

print(f"{COUNT:,} instances of each (instances and their dictionaries, not the ints):")
print(f"  Point:        {plain_total:>12,} bytes")
print(f"  SlottedPoint: {slotted_total:>12,} bytes")
print(f"  saved:        {plain_total - slotted_total:>12,} bytes, {100 * (plain_total - slotted_total) // plain_total}%")
