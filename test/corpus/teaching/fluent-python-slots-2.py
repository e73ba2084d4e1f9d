# Source: https://github.com/Jalilnkh/KartalOl-Fluent-Python-2022 (Fluent Python 2nd ed., Example 11-14)
# Licence: not stated
# Topic: __slots__ and subclasses
class Pixel:
    __slots__ = ('x', 'y')

class OpenPixel(Pixel):
    pass

op = OpenPixel()

print(op.__dict__)
op.x = 8
print(op.__dict__)
print(op.x)
op.color = 'green'
print(op.__dict__)
