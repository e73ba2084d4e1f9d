# Finalizers (__del__, PEP 442) and resurrection.
# Look at: in a cycle, each __del__ runs once, before the cycle is broken; a __del__ that stores
# self somewhere resurrects the object, so the collection frees nothing; when it dies again,
# __del__ does not run a second time.
import gc

gc.disable()
gc.collect()
saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('__del__ of', self.name)
        saved.append(self)


p = Phoenix('phoenix')
p.me = p
del p
print('first collection:', gc.collect())
print('resurrected:', len(saved), gc.is_finalized(saved[0]))
saved.clear()
print('second collection:', gc.collect())


class Item:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('del', self.name)


items = [Item('first'), Item('second'), Item('third')]
print('deleting a list frees its items from last to first:')
del items
