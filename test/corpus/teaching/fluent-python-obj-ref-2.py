# Source: https://github.com/fluentpython/example-code-2e/blob/master/06-obj-ref/cheese.py (Fluent Python 2nd ed., Example 6-19)
# Licence: MIT
# Topic: WeakValueDictionary. Doctest made a script: each expression line is printed.
class Cheese:

    def __init__(self, kind):
        self.kind = kind

    def __repr__(self):
        return f'Cheese({self.kind!r})'


import weakref
stock = weakref.WeakValueDictionary()
catalog = [Cheese('Red Leicester'), Cheese('Tilsit'),
           Cheese('Brie'), Cheese('Parmesan')]

for cheese in catalog:
    stock[cheese.kind] = cheese

print(sorted(stock.keys()))
del catalog
print(sorted(stock.keys()))
del cheese
print(sorted(stock.keys()))
