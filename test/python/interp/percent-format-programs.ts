/**
 * Programs using printf-style formatting (`str % values`) as older teaching programs do, compared
 * with python3 by percent-format.test.ts. Each prints gc counts, refcounts, collections or
 * `__del__` output around the formatting, so that a tuple built or not built, a temporary str,
 * a `__str__` frame or a mapping lookup modelled wrongly shows.
 */
export const PERCENT_PROGRAMS: Record<string, string> = {
  'conversions, flags, width, precision, * and keys: every unit of the probe table': `import gc
class R:
    def __repr__(self): return 'R()'
    def __str__(self): return 'str-R'
CASES = [
    ('%d objects, %.1f%%', (3, 12.345)), ('%s: %r', ('ab', 'ab')), ('%(name)s', {'name': 'x'}),
    ('%5d|%-8s|%08.3f|%x|%o|%e|%g|%c', (42, 'ab', -3.14159, 255, 8, 12345.678, 0.0001, 65)),
    ('%+d % d %+ d % +d', (5, 5, 5, -5)), ('%#x %#X %#o %#5x %#-8o|', (255, 255, 8, 10, 8)),
    ('%05d %-05d| %05s %+05d %05x %#07x %#07X %0+8.3d', (-42, 42, 'ab', 7, 255, 255, 255, -5)),
    ('%.3d %.0d %5.3d %-6.2x|%.0x|%#.3o', (5, 0, -7, 10, 0, 8)),
    ('%.0f %.1f %.2f %.3e %.0e %#.0f %#.0e %F', (2.5, 0.05, 1.005, 1e100, 5.0, 3.0, 7.0, 1.5)),
    ('%g %G %g %g %.3g %#g %#.3g %g %.0g', (1e16, 1e-7, 123456789.0, 0.0, 1234.5, 1.0, 1.0, 1e-5, 0.5)),
    ('%f %F %e %E %g %G', (float('inf'), float('inf'), float('-inf'), float('nan'), float('nan'), float('inf'))),
    ('%05f|%-7f|%+f|%06.1f|% .2f|%+.1e', (float('inf'), float('nan'), float('nan'), -0.0, -0.001, -1e-300)),
    ('%*d|%-*d|%*d|%.*f|%.*f|%*.*f|%-*s|', (5, 42, 5, 42, -5, 42, 2, 3.14159, -2, 3.14159, 8, 3, 2.5, 4, 'a')),
    ('%s %r %a', ('é', 'é', 'é☺')), ('%s %r %a %s', (R(), R(), R(), None)),
    ('%5s|%-5s|%.2s|%5.1r|%.0s|%3s', ('abc', 'abc', 'abc', 'abc', 'abc', 12345)),
    ('%c%c%c|%3c|%-3c|%05c', ('x', 0x263a, 97, 'y', 98, 'z')), ('%d %i %u %s %r %x %.1f', (True, False, True, True, False, True, True)),
    ('%d %x %o %s %d', (3.99, 255, 8, 2.5, -0.5)), ('%d %f %s %r', (-3.7, 3, 1.0, 1e22)), ('%hd %ld %Lf %ls', (1, 2, 3.0, 's')),
    ('%s', [1, 2]), ('%s', {'a': 1}), ('%s', (1,)), ('%s', 'abc'), ('%d', 7), ('abc', {}), ('abc', []), ('abc', ()),
    ('%(a)s %(b)d %(a)r %%', {'a': 'x', 'b': 2}), ('%(a)5.1f|%(a)-8.2e|%(a)+d', {'a': 2.25}),
    ('%((a))s', {'(a)': 1}), ('%()s', {'': 'empty'}), ('%s%%%s', (1, 2)), ('100%%', ()), ('%s', ((1, 2),)),
    ('%d', 10 ** 30), ('%x', -(10 ** 20)), ('%e', 10 ** 30), ('%.30f', (0.1,)), ('%.60g', (0.1,)),
    ('%s', R()), ('%r', [R()]), ('%s %(a)s', {'a': 1}), ('%.*s', (3, 'abcdef')),
    ('%s %s', (1,)), ('%s', (1, 2)), ('abc', 5), ('abc', 'x'), ('%q', (1,)), ('%q', ()), ('%', ()), ('abc %', (1,)),
    ('%3%|', ()), ('%5%', ()), ('%d', 'x'), ('%x', 3.5), ('%i', None), ('%o', '7'), ('%f', 'x'), ('%e', None),
    ('%c', 'ab'), ('%c', 3.0), ('%c', -1), ('%c', 0x110000), ('%c', 10 ** 30), ('%d', float('nan')),
    ('%d', float('inf')), ('%f', 10 ** 400), ('%(a)s', (1,)), ('%(a)s', 5), ('%(a)s', {'b': 1}), ('%(a', {'a': 1}),
    ('%(a)s %s', {'a': 1}), ('%*d', (1.5, 2)), ('%.*f', ('x', 2.0)), ('%*d', (5,)), ('%(a)', {'a': 1}), ('%5', (1,)),
    ('%.', (1,)), ('%s %\\x01', (1, 2)), ('%é', (1,)), ('%s', ()), ('%(a)s', [1]), ('%(a)s', range(3)), ('%d', R()),
    ('%999999999999999999999d', (1,)), ('%.99999999999d', (1,)), ('%*d', (2 ** 70, 1)), ('%.*d', (2 ** 40, 1)),
]
gc.collect()
for fmt, args in CASES:
    try:
        print(repr(fmt), '->', repr(fmt % args), gc.get_count())
    except Exception as e:
        print(repr(fmt), '!!', type(e).__name__ + ':', e, gc.get_count())
`,
  'a literal format of %s/%r/%a units with a tuple display becomes an f-string: no tuple, so gc counts differ from %d': `import gc, sys
name, n, pct = 'widgets', 3, 12.5
items = [1, 2, 3]
gc.collect()
s = '%s: %r' % (name, items); print(gc.get_count(), s)
s = '%s: %d' % (name, n); print(gc.get_count(), s)
s = '%-10s|%5r|%.2a' % (name, n, name); print(gc.get_count(), s)
s = '%100s' % (name,); print(gc.get_count(), len(s))
s = '%99s|%.99s' % (name, name); print(gc.get_count(), len(s))
s = '%s %s' % ('lit', name); print(gc.get_count(), s)
s = '%s %s' % ('lit', 'const'); print(gc.get_count(), s)
s = '%%%s%%' % (name,); print(gc.get_count(), s)
s = '%(a)s' % {'a': name}; print(gc.get_count(), s)
t = (name, n)
s = '%s=%d' % t; print(gc.get_count(), sys.getrefcount(t), s)
s = '%s=%s' % t; print(gc.get_count(), sys.getrefcount(t), s)
d = {'who': items, 'n': n}
s = '%(who)s has %(n)d; %(who)r' % d; print(gc.get_count(), sys.getrefcount(d), sys.getrefcount(items), s)
s = '%s' % items; print(gc.get_count(), sys.getrefcount(items), s)
s = '%s and %s' % (items, [4]); print(gc.get_count(), s)
s = 'n=%s'
s %= n; print(gc.get_count(), s)
def report(count, total):
    return 'Collected %d of %d objects (%.1f%%); %s %r' % (count, total, 100.0 * count / total, 'ok', count)
print(report(3, 8), gc.get_count())
f = lambda v: ('%s!' % (v,), gc.get_count())
g = lambda v: ('%d!' % (v,), gc.get_count())
gc.collect()
print(f(name), gc.get_count())
gc.collect()
print(g(n), gc.get_count())
`,
  '%s and %r call __str__ and __repr__ in frames of their own; a temporary dies after its unit': `import gc, sys
class Node:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        print('  repr', self.name, sys.getrefcount(self), gc.get_count())
        return 'Node(%r)' % self.name
    def __str__(self):
        print('  str', self.name, sys.getrefcount(self))
        return self.name.upper()
    def __del__(self):
        print('  del', self.name)
a = Node('a')
gc.collect()
print('%s / %r / %a / %5s / %-6r|' % (a, a, a, a, a), gc.get_count())
print('%s then %r' % (Node('tmp1'), Node('tmp2')), gc.get_count())
print('%d %s' % (1, Node('tmp3')), gc.get_count())
print('%s' % Node('tmp4'), gc.get_count())
print('%s' % [Node('in-list')], gc.get_count())
class Ring:
    def __init__(self):
        self.me = self
    def __repr__(self):
        return 'Ring'
    def __del__(self):
        print('  del ring')
print('%r %d' % (Ring(), 5), gc.get_count())
print(gc.collect(), gc.get_count())
`,
  'collections start at the same allocation while formatting with %, as in CPython': `import gc
starts = []
def cb(phase, info):
    if phase == 'start':
        starts.append(info['generation'])
gc.callbacks.append(cb)
class P:
    def __repr__(self):
        return 'P'
vals = [1, 2.5, 'x', P()]
for t in (1, 2, 3, 5):
    gc.collect()
    gc.set_threshold(t)
    n = len(starts)
    out = ['%s|%r' % (v, v) for v in vals] + ['%d %5.2f' % (i, i / 3) for i in range(3)] + ['%(k)s' % {'k': v} for v in vals]
    print(t, len(starts) - n, gc.get_count(), out)
    gc.set_threshold(700)
`,
  'a mapping class with __getitem__: each %(key) looks up once and holds the value until the next key': `import sys, gc
class Env:
    def __init__(self):
        self.seen = []
    def __getitem__(self, key):
        self.seen.append(key)
        value = [key] * 2
        print('  get', key, sys.getrefcount(value))
        return value
class Loud:
    def __init__(self, tag):
        self.tag = tag
    def __repr__(self):
        return '<%s>' % self.tag
    def __del__(self):
        print('  del', self.tag)
class Lookup:
    def __getitem__(self, key):
        return Loud(key)
e = Env()
gc.collect()
print('%(a)s %(bb)r %(a)s' % e, e.seen, gc.get_count())
print('%(x)r then %(y)r then done' % Lookup())
print('plain' % e, '%s' % e is not None)
class Sized:
    def __index__(self):
        return 42
    def __float__(self):
        return 2.5
class AsInt:
    def __int__(self):
        return 7
print('%d %x %o %f %e' % (Sized(), Sized(), Sized(), Sized(), AsInt() if False else 1.0), '%d' % AsInt())
try:
    print('%x' % AsInt())
except TypeError as exc:
    print(exc)
`,
  'memory lessons as older tutorials print them': `import gc, sys
class Account:
    count = 0
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        Account.count += 1
    def __repr__(self):
        return 'Account(%r, %.2f)' % (self.owner, self.balance)
    def __del__(self):
        print('Deleting %s (balance %8.2f)' % (self.owner, self.balance))
accounts = [Account('ann', 10), Account('bob', 2.5), Account('cy', 1234.5)]
print('%d accounts, refcount of first: %d' % (len(accounts), sys.getrefcount(accounts[0])))
for i, acc in enumerate(accounts):
    print('%-3d %-6s %10.2f %5.1f%%' % (i, acc.owner, acc.balance, 100.0 * acc.balance / 1246.5))
print('%r' % accounts)
a = accounts[0]
a.friend = accounts[1]
accounts[1].friend = a
del accounts, acc
print('refcount of a: %d, unreachable found: %d' % (sys.getrefcount(a), gc.collect()))
del a
print('collected %d, garbage %s, counts %s' % (gc.collect(), gc.garbage, gc.get_count()))
print('%s is %d bytes' % ('[]', sys.getsizeof([])), '%x' % 255, '%#o' % 8, '%c' % 65)
`,
};

/** Programs ending in an uncaught formatting error: stderr's last line and the exit status match python3's. */
export const PERCENT_FAILING: Record<string, string> = {
  'not enough arguments for format string': `import gc
print('%d of %d' % (gc.collect(), ))
print('%s %s' % ('only one',))
`,
  'not all arguments converted during string formatting': `values = [1, 2]
print('%d' % (values[0], values[1]))
`,
  "unsupported format character 'q'": `n = 5
print('%d items' % n)
print('%q' % n)
`,
  '%d format: a real number is required, not str': `name = 'x'
print('%d' % name)
`,
  'KeyError from a %(key) lookup': `d = {'a': 1}
print('%(a)s' % d)
print('%(b)s' % d)
`,
  'ValueError: incomplete format': `print('100%' % ())
`,
};
