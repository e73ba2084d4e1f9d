/**
 * Programs about comprehensions and generators, compared with python3 like PROGRAMS (run.test.ts
 * spreads them in): each prints refcounts, gc counts, sizes or `__del__` output around the
 * construct, so that a modelling mistake (an object too many or too few, a reference held too
 * long, a frame released in the wrong order) changes what it prints.
 */
export const GENERATOR_PROGRAMS: Record<string, string> = {
  'comprehensions: nested function, .0 iterator, results': `import gc, sys
gc.collect()
a = [1, 2, 3]
print(gc.get_count())
b = [x * 2 for x in a]
print(b, gc.get_count())
gc.collect()
s = {x % 2 for x in a}
print(s, gc.get_count())
gc.collect()
d = {x: x * x for x in a if x > 1}
print(d, gc.get_count())
print(sys.getrefcount(a), [sys.getrefcount(a) for q in a])
x = 5
print([x for x in range(3)], x)
print([(i, j) for i in range(4) for j in range(i) if i + j > 1 if j != 2])
print(sys.getsizeof([i for i in range(10)]), sys.getsizeof([i for i in range(100)]))
print([[y for y in range(2)] for q in range(2)], len({k: 1 for k in 'abcab'}))
def f(n):
    return [i * i for i in range(n)]
print(f(4), f(0))
`,
  'comprehensions: __del__ and cycles built in a comprehension': `import gc, sys
class Node:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
nodes = [Node(i) for i in range(3)]
print(sys.getrefcount(nodes[0]))
del nodes
gc.collect()
ring = [[] for _ in range(3)]
for i in range(3):
    ring[i].append(ring[(i + 1) % 3])
print(gc.get_count())
del ring
print(gc.collect())
byname = {n.n: n for n in [Node(7), Node(8)] if n.n > 7}
print(list(byname))
del byname
print('end')
`,
};

export const GENERATOR_FAILING: Record<string, { source: string; lastLine: string }> = {
  'an error inside a list comprehension': {
    source: "print('before')\nprint([1 // n for n in [3, 2, 1, 0]])\n",
    lastLine: 'ZeroDivisionError: integer division or modulo by zero',
  },
};
