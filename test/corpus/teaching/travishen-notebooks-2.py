# Source: https://github.com/travishen/Notebooks (gargabe collection)
# Licence: not stated
# Topic: gc, cycles, ctypes
import ctypes
import gc

def in_gc(object_id):
    return object_id in [id(obj) for obj in gc.get_objects()]

class O:
    def refer(self, other):
        self.other = other

    @property
    def address(self):
        return 'self: {0}, other: {1}'.format(hex(id(self)), hex(id(self.other)))

gc.disable()
# create circular reference
o1 = O()
o2 = O()
o1.other = o2
o2.other = o1
print(o1.address)
print(o2.address)

print(o1.other.other == o1)

o2_object_id = id(o2)
# drop o2
o2 = None
print(ctypes.c_long.from_address(o2_object_id).value)

o1_object_id = id(o1)
# drop o1
o1 = None
print(ctypes.c_long.from_address(o1_object_id).value)

print(in_gc(o1_object_id))
print(in_gc(o2_object_id))

gc.collect()
print(in_gc(o1_object_id))
print(in_gc(o2_object_id))
