# set_repr of a non-empty set is `repr(list(s))[1:-1]` in braces: PySequence_List makes a real
# list (PyList_New(0), then list_extend with a set iterator) that holds the keys while they are
# printed. After a full collection the list free list is empty, so that list is a new GC
# allocation; freed back to the free list, it stays in gc.get_count(). An empty set takes the
# "set()" shortcut and makes no list. Found by `pymemlab fidelity --seed 14` (program 223).
# CPython 3.11.7, PYTHONUNBUFFERED=1 (the first line also counts the thread state's dict and the
# Py_Repr list of Py_ReprEnter's first use; `K.__repr__ 4` counts the keys list's reference; with
# a threshold of 1, the keys list's allocation runs a young collection of its own):
#   {1, 2, 3} (3, 0, 0)
#   set() (0, 0, 0)
#   [1] (0, 0, 0)
#   {'k': 1} (0, 0, 0)
#   K.__repr__ 4
#   {K} (2, 0, 0)
#   gc 0 3
#   gc 0 2
#   {1} 2
#   gc 0 2
#   {2}
import gc, sys


class K:
    def __repr__(self):
        # the set, the keys list, repr's argument, getrefcount's argument
        print('K.__repr__', sys.getrefcount(self))
        return 'K'


def show(value):
    gc.collect()
    text = repr(value)
    print(text, gc.get_count())


show({1, 2, 3})
show(set())
show([1])
show({'k': 1})
show({K()})


def gccb(phase, info):
    if phase == 'start':
        print('gc', info['generation'], gc.get_count()[0])


s = {1}
gc.collect()
gc.set_threshold(1)
gc.callbacks.append(gccb)
print(s, 2)
print({2})
gc.callbacks.clear()
gc.set_threshold(700)
