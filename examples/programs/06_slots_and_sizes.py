# __slots__ versus __dict__, and how big objects are.
# Look at: a 3.11 instance keeps its attributes inline (no dict object until you ask for
# __dict__); a __slots__ class has no dict at all and a smaller instance.
import sys


class WithDict:
    def __init__(self):
        self.x = 1
        self.y = 2


class WithSlots:
    __slots__ = ('x', 'y')

    def __init__(self):
        self.x = 1
        self.y = 2


a = WithDict()
b = WithSlots()
print('instance with __dict__:', sys.getsizeof(a))
print('instance with __slots__:', sys.getsizeof(b))
print('int 1:', sys.getsizeof(1), ' int 2**40:', sys.getsizeof(1099511627776))
print('empty str:', sys.getsizeof(''), ' empty tuple:', sys.getsizeof(()), ' empty dict:', sys.getsizeof({}))
