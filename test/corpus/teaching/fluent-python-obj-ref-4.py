# Source: https://github.com/fluentpython/example-code-2e/blob/master/06-obj-ref/06-obj-ref.ipynb (Fluent Python 2nd ed., Examples 6-9 and 6-10)
# Licence: MIT
# Topic: references, cyclic lists, copies. Notebook cells made a script: each cell's value is printed.
class Bus:

    def __init__(self, passengers=None):
        if passengers is None:
            self.passengers = []
        else:
            self.passengers = list(passengers)

    def pick(self, name):
        self.passengers.append(name)

    def drop(self, name):
        self.passengers.remove(name)

import copy

bus1 = Bus(['Alice', 'Bill', 'Claire', 'David'])
bus2 = copy.copy(bus1)
bus3 = copy.deepcopy(bus1)
print((id(bus1), id(bus2), id(bus3)))

bus1.drop('Bill')
print(bus2.passengers)  # Bill is removed from bus2

print((id(bus1.passengers), id(bus2.passengers), id(bus3.passengers)))

print(bus3.passengers)

a = [10, 20]
b = [a, 30]
a.append(b)
print(a)

c = copy.deepcopy(a)
print(c)
