/**
 * Programs using map and filter, each deterministic on CPython 3.11: sizes, gc tracking, what
 * gc.get_referents sees, refcounts of the function, the lists and the items around each step, gc
 * counts after a collection and `__del__` output show a modelling mistake.
 */
export const MAP_FILTER_PROGRAMS: Record<string, string> = {
  'map: its size, what it holds (the iterators’ tuple, the function) and keeps after exhaustion': `import gc, sys
class Node:
    def __init__(self, v):
        self.v = v
    def __del__(self):
        print('del', self.v)
nodes = [Node(i) for i in range(3)]
double = lambda n: n.v * 2
gc.collect()
print(gc.get_count(), sys.getrefcount(nodes), sys.getrefcount(double))
m = map(double, nodes)
print(type(m).__name__, type(m) is map, isinstance(m, map), sys.getsizeof(m), gc.is_tracked(m))
print(gc.get_count(), sys.getrefcount(nodes), sys.getrefcount(double), sys.getrefcount(m))
print(next(m), sys.getrefcount(nodes[0]), sys.getrefcount(nodes[1]))
print([type(r).__name__ for r in gc.get_referents(m)])
rest = list(m)
print(rest, list(m), next(m, 'done'), sys.getrefcount(nodes), sys.getrefcount(double))
nodes.pop()
print('popped', sys.getrefcount(nodes))
del m
print('map gone', sys.getrefcount(nodes), sys.getrefcount(double))
gc.collect()
print(gc.get_count())
`,
  'filter: a user predicate, None and bool testing items themselves, what it holds': `import gc, sys
class Box:
    def __init__(self, v):
        self.v = v
    def __del__(self):
        print('del box', self.v)
boxes = [Box(0), Box(3), Box(0), Box(5)]
def positive(b):
    return b.v > 0
gc.collect()
print(gc.get_count(), sys.getrefcount(positive), sys.getrefcount(boxes[1]))
f = filter(positive, boxes)
print(type(f).__name__, type(f) is filter, sys.getsizeof(f), gc.is_tracked(f), gc.get_count())
print([type(r).__name__ for r in gc.get_referents(f)], sys.getrefcount(positive))
first = next(f)
print(first.v, sys.getrefcount(first), sys.getrefcount(boxes[0]), sys.getrefcount(boxes[2]))
del first
print([b.v for b in f], next(f, None), sys.getrefcount(positive))
boxes[1] = None
del f
print('filter gone', sys.getrefcount(positive))
g = filter(None, [0, 1, '', 'a', (), (0,), None, [], [[]]])
print(list(g), [type(r).__name__ for r in gc.get_referents(g)])
print(list(filter(bool, [0, 2, 0.0, 1.5])), list(filter(len, ['', 'ab', ()])), list(filter(str, [0, 1])))
gc.collect()
print(gc.get_count())
del boxes
print('end')
`,
  'map and filter with builtins, lambdas and several iterables, consumed by list, sum, sorted, for, zip': `import gc, sys
xs = [3, -1, 4, -1, 5, -9, 2, 6]
words = ['pear', 'fig', 'banana', 'kiwi']
gc.collect()
print(gc.get_count())
print(list(map(str, xs)), list(map(len, words)), list(map(abs, xs)), tuple(map(int, '2718')))
print(sum(map(abs, xs)), sorted(map(abs, xs)), max(map(len, words)), min(filter(None, xs)))
print(sorted(map(lambda w: w.upper(), words)), list(map(max, xs, reversed(xs))), list(map(divmod, xs, [2] * 8)))
print(list(map(lambda a, b: a * b, xs, range(3))), list(map(lambda w: w[0], words)))
print(list(filter(lambda w: 'i' in w, words)), sum(filter(lambda v: v % 2 == 0, xs)))
squares = map(lambda v: v * v, range(5))
for i, sq in enumerate(squares):
    print(i, sq, end='; ')
print()
total = 0
for w, n in zip(words, map(len, words)):
    total += n
    print(w, n, end=' ')
print(total)
print([n for n in map(abs, xs) if n > 3], {w: n for w, n in zip(words, map(len, words))})
print(sum(x * 2 for x in filter(None, map(lambda v: v + 1, xs))))
print(list(map(list, ['ab', 'c'])), list(map(tuple, [[1], []])), list(filter(None, map(abs, [0, -2]))))
gc.collect()
print(gc.get_count(), sys.getrefcount(xs), sys.getrefcount(words))
`,
  'map and filter errors in CPython’s words; an exception in the function leaves the iterator usable': `import gc, sys
f = lambda v: v
xs = [1, 0, 2]
calls = [
    ('map(f)', lambda: map(f)),
    ('map()', lambda: map()),
    ('map(f, 5)', lambda: map(f, 5)),
    ('map(f, xs, 5)', lambda: map(f, xs, 5)),
    ('filter(f)', lambda: filter(f)),
    ('filter(f, xs, xs)', lambda: filter(f, xs, xs)),
    ('filter(f, 5)', lambda: filter(f, 5)),
    ('list(map(5, xs))', lambda: list(map(5, xs))),
    ('list(filter(5, xs))', lambda: list(filter(5, xs))),
    ('map(f, xs, key=1)', lambda: map(f, xs, key=1)),
    ('filter(f, xs, key=1)', lambda: filter(f, xs, key=1)),
    ('list(map(f, xs, xs))', lambda: list(map(f, xs, xs))),
    ('next(map(f, []))', lambda: next(map(f, []))),
]
gc.collect()
for text, call in calls:
    try:
        print(text, call())
    except (TypeError, StopIteration) as e:
        print(text, type(e).__name__, e)
print(gc.get_count(), sys.getrefcount(xs), sys.getrefcount(f))
m = map(lambda v: 10 // v, xs)
for _ in range(4):
    try:
        print(next(m), sys.getrefcount(xs))
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e, sys.getrefcount(m))
    except StopIteration:
        print('stop')
fl = filter(lambda v: 2 // v, [1, 0, 2])
print(next(fl))
try:
    next(fl)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
print(next(fl), next(fl, 'end'))
del m, fl
gc.collect()
print(gc.get_count(), sys.getrefcount(xs))
print(map, filter, repr(type(map(f, xs))))
`,
  'a lazy map against a list, a map in a cycle, a filter keeping a bound method’s object alive': `import gc, sys
# the seed's generators-vs-lists tip with map: the lazy map holds no results
data = list(range(1000))
gc.collect()
eager = [x * 2 for x in data]
lazy = map(lambda x: x * 2, data)
print(sys.getsizeof(eager), sys.getsizeof(lazy), gc.get_count())
print(sum(lazy) == sum(eager), sys.getsizeof(lazy))
# a cycle through a map: the map is collected with the list holding it
box = []
box.append(map(len, [box]))
print(gc.collect())
del box
print(gc.collect())
# a filter whose function is a bound method of an object the filter keeps alive
class Keep:
    def __init__(self):
        self.seen = []
    def want(self, v):
        self.seen.append(v)
        return v > 1
    def __del__(self):
        print('del Keep', self.seen)
k = Keep()
f = filter(k.want, [1, 2, 3])
del k
print(list(f))
print('before del f')
del f
print('after del f')
gc.collect()
print(gc.get_count())
`,
};
