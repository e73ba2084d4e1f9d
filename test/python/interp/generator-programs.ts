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
  'generators: next, send, close, sizes, finalization of suspended and closed generators': `import gc, sys
def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1
g = gen(3)
print('gen made')
print(next(g), next(g), sys.getrefcount(g))
for v in g:
    print(v)
print(next(g, 'done'))
print(list(gen(4)), any(x > 2 for x in gen(4)), all(x < 2 for x in gen(4)))
gc.collect()
print(gc.get_count())
g2 = gen(5)
print(gc.get_count(), sys.getsizeof(g2))
print(sys.getsizeof(x * 2 for x in range(10)), sys.getsizeof((x for x in [1, 2])))
big = [x for x in range(1000)]
lazy = (x for x in range(1000))
print(sys.getsizeof(big), sys.getsizeof(lazy))
sq = (x * x for x in range(5) if x % 2)
print(list(sq), list(sq))
def echo():
    x = yield 1
    print('got', x)
    y = yield 2
    print('got', y)
    return 7
e = echo()
print(next(e))
print(e.send('a'))
print(next(e, 'fin'))
class R:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('R del', self.n)
def holder(n):
    r = R(n)
    for k in range(3):
        yield k
h = holder(1)
for v in h:
    print(v)
    break
print('dropping')
del h
print('dropped')
h2 = holder(2)
del h2
print('never started dropped')
h3 = holder(3)
print(next(h3))
h3.close()
print('closed', next(h3, 'x'))
def cyc():
    me = yield 0
    yield 1
c = cyc()
next(c)
c.send(c)
print(sys.getrefcount(c))
del c
print(gc.collect())
gc.collect()
def refs(obj):
    yield sys.getrefcount(obj)
o = R(9)
print(list(refs(o)))
print(gc.get_count())
`,
  'generators: suspended and never-started generators in cycles, pipelines, gc counts': `import gc, sys
gc.disable()
class Box:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('Box del', self.name)
def walker(box):
    for i in range(3):
        yield box.name, i
b = Box('a')
w = walker(b)
b.w = w
print(next(w), sys.getrefcount(b))
del b
del w
print('collect', gc.collect())
b = Box('b')
w = walker(b)
b.w = w
del b
del w
print('collect unstarted', gc.collect())
def chain(n):
    for i in range(n):
        yield i
pipeline = (x * 10 for x in chain(4) if x != 2)
print(next(pipeline), gc.get_count())
print(list(pipeline), gc.get_count())
print(gc.collect(), gc.get_count())
gens = [chain(3) for _ in range(3)]
for g in gens:
    next(g)
print(sys.getsizeof(gens[0]), [next(g) for g in gens])
del gens
print(gc.collect())
`,
  'generators with try/except in their body, StopIteration caught, f-string generator sizes': `import sys
def g(n):
    for i in range(n):
        try:
            v = 10 // (1 - i)
        except ZeroDivisionError:
            v = -1
        yield v
print(list(g(3)), sys.getsizeof(g(3)))
it = g(1)
print(next(it))
try:
    next(it)
except StopIteration:
    print('stop')
print(sys.getsizeof(f'{x}' for x in range(3)))
`,
};

export const GENERATOR_FAILING: Record<string, { source: string; lastLine: string }> = {
  'an error inside a list comprehension': {
    source: "print('before')\nprint([1 // n for n in [3, 2, 1, 0]])\n",
    lastLine: 'ZeroDivisionError: integer division or modulo by zero',
  },
  'an error inside a generator, raised at the consuming for loop': {
    source:
      "def bad(n):\n    for i in range(n):\n        yield 10 // (2 - i)\nprint('start')\nfor v in bad(5):\n    print(v)\n",
    lastLine: 'ZeroDivisionError: integer division or modulo by zero',
  },
  'next() on an exhausted generator': {
    source: 'def g():\n    yield 1\nit = g()\nprint(next(it))\nprint(next(it))\n',
    lastLine: 'StopIteration',
  },
};
