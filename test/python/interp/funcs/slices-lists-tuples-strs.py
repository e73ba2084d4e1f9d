import gc, sys
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
gc.collect()
print(gc.get_count())
l = [D(0), D(1), D(2), D(3), D(4), D(5)]
print(gc.get_count())
a = l[1:3]
print(gc.get_count(), len(a), sys.getrefcount(l[1]), sys.getsizeof(a))
del l[0:2]
print('after del', gc.get_count(), sys.getsizeof(l))
del a
print('after del a')
l[0:2] = [7]
print('after assign', len(l), sys.getsizeof(l))
del l[::2]
print('after step del', len(l))
l[5:] = (D(6), D(7), D(8))
print(len(l), sys.getsizeof(l))
l[1:3] = l
print(len(l), l[0] is l[1])
l[::-2] = [D(9), D(10), D(11)]
print('after extended assign', len(l))
del l[-1:-4:-1]
print('after negative del', len(l))
l[:] = range(3)
print(l, sys.getsizeof(l))
l[1:2] = 'ab'
print(l)
gc.collect()
print(gc.get_count())
t = (1, 2, 3)
print(t[:] is t, t[0:3] is t, t[1:], t[::-1], t[5:], t[:-1], t[-100:100])
s = 'héllo wörld'
print(s[:] is s, s[1:], s[::-1], s[::3], s[-3:], s[4:2], len(s[3:9]))
x = [1, 2, 3, 4, 5]
x[1:4:2] = ['a', 'b']
print(x, x[-2:], x[:-1], x[10:], x[::-2], x[True:])
x[2:2] = [0]
print(x, sys.getsizeof(x))
x[:] = []
print(x, sys.getsizeof(x))
g = []
gc.garbage.append(g)
gc.garbage.append(D(12))
del gc.garbage[:]
print(gc.garbage, gc.get_count())
print('end')
