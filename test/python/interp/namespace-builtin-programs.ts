/**
 * Programs using locals() inside functions, exec() and the copy module, each deterministic on
 * CPython 3.11: the refcounts of the f_locals dict, what it holds and when it goes (`__del__`
 * output), the constants exec() compiles, and what copies share.
 */
export const NAMESPACE_BUILTIN_PROGRAMS: Record<string, string> = {
  "locals() in functions: the frame's f_locals dict": `import gc, sys
class A:
    def __del__(self):
        print('del A')
def f(x, y=2):
    d = locals()
    print(sorted(d.items()), sys.getrefcount(d))
    z = A()
    print('z' in d, 'z' in locals(), d is locals(), sys.getrefcount(d))
    del z
    print('after del', 'z' in locals())
    d['w'] = 5
    print(sorted(locals()), x)
    return d
gc.collect()
r = f(1)
print(sorted(r), sys.getrefcount(r), gc.get_count())
def g():
    a = []
    a.append(locals())
    print(len(a[0]))
    return 1
g()
print(gc.collect())
def h():
    k = A()
    return locals()
m = h()
print('before del m')
del m
def comp():
    return [sorted(locals()) for i in range(2)]
print(comp())
def cyc():
    if "arr" not in locals():
        arr = []
    arr.append(arr)
    print(arr)
cyc(); cyc()
print(gc.collect())
`,
  'locals() with cells and free variables: their contents': `def outer(a):
    b = [1]
    def inner(c):
        d = a
        print(sorted(locals().items()))
        return b
    print(sorted(locals()))
    inner(5)
    del b
    print(sorted(locals()))
outer(3)
`,
  'exec and eval: run-time code, its constants, f_locals in a function': `import gc, sys
class A:
    def __del__(self):
        print('del A')
exec("a = 257")
exec("b = 257")
print(a is b, a == b, sys.getrefcount(a))
exec("c = 257; d = 257")
print(c is d, sys.getrefcount(c))
exec("x = A()\\nprint('made', type(x).__name__)")
del x
exec("def f(n):\\n    return n * 2\\n")
print(f(21))
def g():
    k = 1
    exec("k = 2; m = 3")
    print(k, sorted(locals()))
    return locals()['m']
print(g())
print(eval("1 + 2"), eval(" a + 1"), eval("[i for i in range(3)]"))
try:
    exec("x = (")
except SyntaxError as e:
    print('SyntaxError:', e)
try:
    exec("1 / 0")
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
ns = {}
exec("q = 5", globals(), ns)
print(ns, 'q' in globals())
i = -5
while True:
    exec(f"a = {i}")
    exec(f"b = {i}")
    if a is not b:
        break
    i += 1
print(i)
gc.collect()
print(gc.get_count())
`,
  'copy and deepcopy: what the copies share, __slotnames__, cycles': `import copy, gc, sys
class Bus:
    def __init__(self, passengers=None):
        self.passengers = list(passengers) if passengers else []
    def __del__(self):
        print('del Bus', len(self.passengers))
class Empty:
    pass
b1 = Bus(['a', 'b'])
gc.collect()
b2 = copy.copy(b1)
print(gc.get_count(), sys.getrefcount(b1.passengers), b2.passengers is b1.passengers, '__slotnames__' in Bus.__dict__)
print(Bus.__slotnames__, sys.getrefcount(b2))
b3 = copy.deepcopy(b1)
print(sys.getrefcount(b1.passengers), b3.passengers is b1.passengers, b3.passengers == b1.passengers, sys.getrefcount(b3))
b1.passengers.append('c')
print(b1.passengers, b2.passengers, b3.passengers)
e = copy.copy(Empty())
print(type(e).__name__, Empty.__slotnames__)
l = [1, [2, 3], 'x', (4, [5]), (6, 7)]
gc.collect()
l2 = copy.copy(l)
print(gc.get_count(), l2 is l, l2[1] is l[1], sys.getrefcount(l[1]))
l3 = copy.deepcopy(l)
print(l3, l3[1] is l[1], l3[2] is l[2], l3[3] is l[3], l3[4] is l[4], sys.getrefcount(l[1]))
a = [10, 20]
b = [a, 30]
a.append(b)
c = copy.deepcopy(a)
print(c, c[2][0] is c, c is a, sys.getrefcount(c))
d = {'k': [1], 'j': (1, [2]), 'b': b1}
e = copy.deepcopy(d)
print(e['k'] is d['k'], e['j'] is d['j'], e['b'] is b1, e['b'].passengers)
print(copy.copy(d) is d, copy.copy(d) == {'k': [1], 'j': (1, [2]), 'b': b1})
t = (1, 2)
print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.copy(5), copy.deepcopy('s'), copy.copy(None))
s = {1, 2, 3}
print(copy.copy(s) == s, copy.copy(s) is s, copy.deepcopy(s) == s)
del b1, b2, b3, e, d
gc.collect()
print(gc.get_count())
`,
};

/** Programs ending in an exception raised inside exec'd code: CPython's whole traceback. */
export const NAMESPACE_BUILTIN_FAILING: Record<string, string> = {
  "an exception in exec'd code": 'x = 1\nexec("a = 1\\nb = 1 / 0")\n',
  'an exception in a function exec defined': 'exec("def f():\\n    return [][1]\\n")\nf()\n',
};
