# Generations and promotion.
# Look at: a new container starts in generation 0; each collection of a generation moves the
# survivors one generation older and adds one to the next generation's count.
import gc

gc.disable()
gc.collect()
x = []
print('new list tracked:', gc.is_tracked(x))
gc.collect(0)
print('after collect(0):', gc.get_count())
gc.collect(0)
print('after another collect(0):', gc.get_count())
gc.collect(1)
print('after collect(1):', gc.get_count())
gc.collect(2)
print('after collect(2):', gc.get_count())
print('a tuple of ints is untracked by a collection:', gc.is_tracked((len(x), 2)))
d = {}
print('empty dict tracked:', gc.is_tracked(d))
d['k'] = []
print('dict holding a list tracked:', gc.is_tracked(d))
print('threshold:', gc.get_threshold())
