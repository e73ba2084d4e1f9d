# Source: https://github.com/Jalilnkh/KartalOl-Fluent-Python-2022 (Fluent Python 2nd ed., Example 11-13)
# Licence: not stated
# Topic: __slots__. Notebook cells made a script: the last cell's error ends it, as in the book.
class Pixel:
    __slots__ = ('x', 'y')

p = Pixel()

print(p.__dict__)
