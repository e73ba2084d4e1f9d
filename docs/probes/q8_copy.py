# Q8: what copy.copy and copy.deepcopy leave: gc.get_count() after each (following a gc.collect()),
# what the copies share, and the class __slotnames__ copy.copy adds (CPython 3.11)
import copy, gc, sys
class Bus:
    def __init__(self, passengers=None):
        self.passengers = list(passengers) if passengers else []
    def __del__(self):
        print('del Bus')
b1 = Bus(['a', 'b'])
print(sys.getsizeof(b1.__dict__) if False else '', gc.is_tracked(b1))
gc.collect(); c0 = gc.get_count()
b2 = copy.copy(b1)
print(gc.get_count(), sys.getrefcount(b1.passengers), b2.passengers is b1.passengers)
gc.collect(); c0 = gc.get_count()
b3 = copy.deepcopy(b1)
print(gc.get_count(), sys.getrefcount(b1.passengers), b3.passengers is b1.passengers, b3.passengers == b1.passengers)
l = [1, [2, 3], 'x']
gc.collect()
l2 = copy.copy(l); print(gc.get_count(), l2 is l, l2[1] is l[1])
gc.collect()
l3 = copy.deepcopy(l); print(gc.get_count(), l3[1] is l[1], l3[2] is l[2])
a = [10, 20]; b = [a, 30]; a.append(b)
c = copy.deepcopy(a); print(c, c[2][0] is c, gc.get_count())
d = {'k': [1], 'j': (1, [2])}
e = copy.deepcopy(d); print(e, e['k'] is d['k'], e['j'] is d['j'])
t = (1, 2); print(copy.deepcopy(t) is t, copy.copy(t) is t)
print(copy.copy(5), copy.deepcopy('s'))
del b1, b2, b3
gc.collect()
print(gc.get_count())
