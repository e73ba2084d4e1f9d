# Q6: repr/str formats the simulator must print
import gc, weakref, sys
print([1, 'a', True, None, -5, 0])
print((1,), (), (1, 2), [()], ((),))
print({'a': 1, 2: 'b', None: True, (1, 2): [3]})
print({}, set(), {1, 2, 3}, {'x'}, frozenset(), frozenset({1}))
print([[1, [2, [3]]], {'k': {'j': []}}])
l = [1]; l.append(l); print(l)
l2 = []; l3 = [l2]; l2.append(l3); print(l2, l3)
d = {}; d['self'] = d; print(d)
d2 = {'l': []}; d2['l'].append(d2); print(d2)
t = ([],); t[0].append(t); print(t)
print(repr('abc'), repr("it's"), repr('say "hi"'), repr('both \' and "'), repr('tab\tnl\n\\'), repr('\x00\x7f\x80é€😀'))
print('abc', "it's", ['it\'s', 'x"y', '\n'])
print(str(True), repr(False), None, str(None))
print(-0, 10 // 3, -7 // 2, -7 % 3, 7 % -3, 2 ** 100, -2 ** 63)
print(True + 1, True * 3, 1 == 1.0 if False else '', 3 > 2 > 1, 'a' < 'b', [1, 2] < [1, 3], (1, 'a') == (1, 'a'))
print(1 and 2, 0 or 'x', not 0, None or 0, [] or {}, 'a' and '')
print(len('é€'), 'ab' * 3, [0] * 3, (1,) * 2, 'a' + 'b', [1] + [2])
print(gc.get_threshold(), gc.isenabled())
st = gc.get_stats(); print(type(st).__name__, len(st), sorted(st[0]))
print(gc.get_count().__class__.__name__)
print(range(5), range(1, 5), range(0, 10, 2), list(range(3)))
d3 = {'a': 1, 'b': 2}
print(d3.keys(), d3.values(), d3.items())
print(type(1), type('a'), type(None), type([]), type(len))
class A:
    def m(self): pass
print(A, A.__name__, A.__qualname__)
def f(): pass
print(repr(f).split(' at ')[0], '|', repr(A.m).split(' at ')[0], '|', repr(A().m).split(' at ')[0])
o = A(); w = weakref.ref(o)
print(repr(o).split(' at ')[0], '|', repr(w).split(' at ')[0], '|', repr(w).split(';')[1].split(' at ')[0])
del o; print(repr(w).split(' at ')[0], repr(w).split(';')[1])
print(print, len, sys.getrefcount)
print(repr(gc), repr(sys))
class B:
    def __repr__(self): return 'B()'
print([B(), B()], {'b': B()}, (B(),))
class C:
    def __str__(self): return 'str-C'
    def __repr__(self): return 'repr-C'
print(C(), [C()], str(C()), f"{C()}", f"{C()!r}")
print(1, 2, sep='-', end='!\n')
print()
print('%d items, %s, %r' % (3, 'x', 'x'), '{} {}'.format(1, 'a'), f'{3:>4}|{"s":<3}|')
