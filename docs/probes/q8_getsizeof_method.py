# sys.getsizeof(o) makes one GC allocation: _PySys_GetSizeOf looks `__sizeof__` up with
# _PyObject_LookupSpecial, whose descriptor __get__ binds it (a builtin_function_or_method for
# a C type's method descriptor, object.__sizeof__ included), calls it and frees it. Net zero for
# gc.get_count(), but the allocation can start a collection: with the young count already over the
# threshold, the collection runs inside getsizeof, before the next statement. len() allocates
# nothing and starts none. Found by `pymemlab fidelity --seed 13` (program 1462).
# CPython 3.11.7, PYTHONUNBUFFERED=1:
#   collections during len: 0
#   collections during getsizeof: 1
#   young collections since gc.collect(): 1
#   del o0
import gc, sys


class A:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print('del', self.name)


starts = []


def cb(phase, info):
    if phase == 'start':
        starts.append(info['generation'])  # list.append of an int: no GC allocation


gc.collect()
holder = [A('o0')]
young = [[] for i in range(20)]
gc.set_threshold(10)
gc.callbacks.append(cb)
k = len(holder)  # no GC allocation: no collection
after_len = len(starts)
k = sys.getsizeof(holder)  # the bound __sizeof__ is allocated: a young collection runs now
after_getsizeof = len(starts)
holder[0] = None  # o0 is now in generation 1, garbage only for a later collection
gc.callbacks.clear()
gc.set_threshold(700)
print('collections during len:', after_len)
print('collections during getsizeof:', after_getsizeof - after_len)
print('young collections since gc.collect():', gc.get_count()[1])
