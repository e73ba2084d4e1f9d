/**
 * Programs using zip, enumerate, reversed, sorted and list.sort, each deterministic on CPython
 * 3.11: sizes, gc tracking, refcounts of the items and of the reused result tuples, gc counts
 * after a collection and `__del__` output around each call show a modelling mistake.
 */
export const ITER_BUILTIN_PROGRAMS: Record<string, string> = {
  'zip reuses its result tuple while only it holds it': `import gc, sys
a = [10, 20, 30]
b = [c + '!' for c in 'xyz']
gc.collect()
z = zip(a, b)
print(type(z).__name__, sys.getsizeof(z), gc.is_tracked(z), gc.get_count())
first = next(z)
print(first, sys.getrefcount(first), sys.getrefcount(a), sys.getrefcount(b[0]))
kept = id(first)
del first
second = next(z)
print(second, id(second) == kept)
third = next(z)
print(third, id(third) == kept, third is second)
print(next(z, 'done'), sys.getrefcount(a))
del z
print(sys.getrefcount(a), gc.get_count())
for x, y in zip(a, b):
    print(x, y, end=' ')
print(gc.get_count())
print(list(zip(a, b)), list(zip()), list(zip(a)), list(zip(a, range(2), 'ab')))
print(sys.getsizeof(zip()), sys.getsizeof(zip(a, b, a)))
`,
  'zip strict and its errors': `import gc
print(list(zip([1, 2], 'ab', strict=True)))
for args in ([[1, 2], [1], [1, 2]], [[1], [1, 2], [1]], [[1], [1], [1, 2]], [[1, 2], [1, 2], [1]]):
    try:
        print(list(zip(args[0], args[1], strict=True)))
    except ValueError as e:
        print('ValueError:', e)
    try:
        print(list(zip(args[0], args[1], args[2], strict=True)))
    except ValueError as e:
        print('ValueError:', e)
try:
    zip(1, [2])
except TypeError as e:
    print('TypeError:', e)
gc.collect()
print(gc.get_count())
`,
  'enumerate: start, the reused tuple, its size': `import gc, sys
names = ['ann', 'bob', 'cy']
gc.collect()
e = enumerate(names)
print(type(e).__name__, sys.getsizeof(e), gc.is_tracked(e), gc.get_count())
pair = next(e)
print(pair, sys.getrefcount(pair), sys.getrefcount(names[0]))
kept = id(pair)
del pair
print(id(next(e)) == kept)
for i, name in enumerate(names, 1):
    print(i, name)
for i, name in enumerate(names, start=-2):
    print(i, name)
print(list(enumerate('ab', 10)), list(enumerate(range(3))), list(enumerate(iterable=[7], start=5)))
big = 2 ** 70
print(list(enumerate('xy', big)))
del e
gc.collect()
print(gc.get_count(), sys.getrefcount(names))
`,
  'reversed over lists, ranges, tuples and strs': `import gc, sys
a = [1, 2, 3]
gc.collect()
r = reversed(a)
print(type(r).__name__, sys.getsizeof(r), gc.is_tracked(r), gc.get_count(), sys.getrefcount(a))
print(list(r), sys.getrefcount(a), list(r))
r = reversed(range(0, 10, 3))
print(type(r).__name__, gc.is_tracked(r), list(r), list(reversed(range(5, 0, -2))), list(reversed(range(0))))
t = (4, 5, 6)
r = reversed(t)
print(type(r).__name__, sys.getsizeof(r), gc.is_tracked(r), sys.getrefcount(t))
print(next(r), list(r), sys.getrefcount(t))
print(list(reversed('héllo')), ''.join(reversed('abc')))
gc.collect()
print(gc.get_count())
r = reversed(a)
a.append(4)
print(list(r))
r = reversed(a)
a.clear()
print(list(r))
for bad in (5, {1, 2}):
    try:
        reversed(bad)
    except TypeError as e:
        print('TypeError:', e)
`,
  'sorted and list.sort: keys, reverse, stability, tuples': `import gc, sys
class Key:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del key', self.n)
words = ['pear', 'fig', 'apple', 'kiwi', 'banana', 'date']
print(sorted(words), sorted(words, reverse=True), words)
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted([3, 1.5, 2, True, -1]), sorted((5, 4, 4, 1)), sorted('sorted'), sorted(range(5), reverse=True))
print(sorted([(2, 'b'), (1, 'z'), (2, 'a'), (1,)]), sorted([[3], [1, 2], [1]]))
gc.collect()
s = sorted(words)
print(gc.get_count(), sys.getrefcount(s))
s = sorted(words, reverse=True)
print(gc.get_count())
s = sorted(words, reverse=False)
print(gc.get_count())
nums = [5, 3, 9, 1, 7, 3]
nums.sort()
print(nums, nums.sort(reverse=True), nums)
print(sorted(list(range(100, 0, -7)) + list(range(0, 100, 5))))
big = [(i * 37) % 101 for i in range(200)]
print(sorted(big) == sorted(big, reverse=True)[::-1], sorted(big)[:5], sorted(big, reverse=True)[:5])
`,
  'sort errors leave the list whole': `import gc
a = [3, 'x', 1]
try:
    a.sort()
except TypeError as e:
    print('TypeError:', e)
print(sorted(a, key=str), a)
try:
    sorted()
except TypeError as e:
    print(e)
try:
    sorted([1], [2])
except TypeError as e:
    print(e)
try:
    sorted([2, 1], bad=1)
except TypeError as e:
    print(e)
try:
    [2, 1].sort(1)
except TypeError as e:
    print(e)
try:
    sorted([2, 1], reverse=1.5)
except TypeError as e:
    print(e)
try:
    sorted([1, 2], key=len)
except TypeError as e:
    print(e)
gc.collect()
print(gc.get_count())
`,
};
