# Source: https://imaddabbura.github.io/til/python/slots.html
# Licence: not stated
# Topic: __slots__, sizes
import sys
class C:
    def __init__(self, x, y):
        self.x = x
        self.y = y
class C_Slots:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
print(sys.getsizeof(C)) #=> 904
print(sys.getsizeof(C_Slots)) #=> 1,072
