/**
 * Programs formatting output as teaching programs do (f-strings, str.format, format(), str
 * methods, user __repr__/__str__/__format__), compared with python3 by run.test.ts: each prints
 * refcounts, gc counts, collections or __del__ output around the formatting, so that a temporary
 * modelled wrongly shows.
 */
export const FORMAT_PROGRAMS: Record<string, string> = {
  'floats in f-strings, str.format and format(): specs, repr, the bound __format__ a float needs even without a spec': `import gc, sys
starts = []
def cb(phase, info):
    if phase == 'start':
        starts.append(info['generation'])
gc.callbacks.append(cb)
x = 3.14159
big = 1234567.891
values = [0.1 + 0.2, 1e16, 1.5e-7, -0.0, 2.5, 100.0]
for t in (1, 2, 4):
    gc.collect()
    gc.set_threshold(t)
    n = len(starts)
    out = [f"{x}", f"{x:.2f}", f"{big:,.1f}", f"{big:>14,.2f}", f"{x:e}", f"{x:%}", f"{x!r}", "{:.3}".format(x), format(x), format(x, '10.4g'), "{}".format(big)]
    print(t, len(starts) - n, gc.get_count(), out)
    gc.set_threshold(700)
print([f"{v}" for v in values], [f"{v:g}" for v in values], [format(v, '.0f') for v in values])
print(f"Current memory usage is {123456 / 10**6}MB; Peak was {234567 / 10**6:.3f}MB")
print('{:5.1f}% {:+.2e}'.format(12.345, -0.000123), '%s' % 'x' if False else 'ok')
print(sys.getrefcount(x), f"{x=}", f"{x = :.1f}")
`,
  'f-strings and str.format: the bound __format__ each formatting makes starts collections at the same allocations as CPython': `import gc, sys
starts = []
def cb(phase, info):
    if phase == 'start':
        starts.append(info['generation'])
gc.callbacks.append(cb)
class Box:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        return 'Box<' + format(self.v, spec) + '>'
b = Box(7)
n = 1234
s = 'text'
L = [1, 2]
for threshold in (1, 2, 3, 5):
    gc.collect()
    gc.set_threshold(threshold)
    count = len(starts)
    out = [f"{n}", f"{n:>8,}", f"{s}", f"{s:^9}", f"{L}", f"{L!r}", f"{b}", f"{b:>5}", f"{True}", f"{None!s}"]
    out2 = ['{} {}'.format(n, s), '{!r:>9}'.format(L), format(n, 'x'), format(b, '03'), '-'.join(['a', 'b'])]
    print(threshold, len(starts) - count, gc.get_count(), out, out2)
    gc.set_threshold(700)
print(sys.getrefcount(b), sys.getrefcount(L))
x = f"{b}{b}{b}"
print(sys.getrefcount(b), x)
`,
  'f-strings: conversions, specs (nested too), self-documenting fields, user __repr__/__str__/__format__': `import gc, sys
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"P({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
class Q:
    def __format__(self, spec):
        return "Q:" + spec
p = P(1, 'a')
print(p, [p], str(p), f"{p}", f"{p!r}", f"{p!s:>12}|")
n = 1234567
w = 12
name = "héllo"
print(f"{n:,} {n:_x} {n:>{w},} {name:^9}| {name!a} {n=} {name = } {n = :>10}")
print(f"{{literal}} {True} {None} {[1, 2]} {(1,)} {dict(a=1) if False else {}} {Q():abc}")
print(f"refs {sys.getrefcount(p)}", sys.getrefcount(p))
gc.collect()
print(gc.get_count())
s = f"{p} and {n}"
print(gc.get_count(), len(s))
for i in range(3):
    print(f"{i:3d}|{i*i:<4}|{i:08b}|{-i:+d}")
print(f"{n:c}" if n < 100 else f"{65:c}")
print(f"""multi
{n}
line""")
try_this = 1
`,
  'str.format, format(), repr(), type(), id(), hex() and the str methods output uses; __del__ of a formatted temporary': `import gc, sys
class Node:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return '{}({})'.format(self.__class__.__name__, self.name)
    def __del__(self):
        print('(Deleting {})'.format(self))
a = Node('a')
print('Node: {0!r} {0!s:>10} {n:^7}|{0.name}'.format(a, n='x'))
print('{:,} {:>8.3} {:<6}| {:08b} {}'.format(1234567, 'abcdef', True, 5, None))
print(type(a), type(5), type('s').__name__, type(a).__name__, type([]).__name__, type(None).__name__, type(type))
print(repr('x'), repr(a), format(42, '>6'), format(a), format(3), ascii('é'))
print(', '.join(['a', 'b', 'c']), '-'.join(('x',)), '|'.join('abc'))
print('ab'.ljust(5) + '|', 'ab'.rjust(5, '*'), 'abc'.center(8, '-'), '42'.zfill(5), '-42'.zfill(6))
print(' x '.strip() + '|', 'Hello'.upper(), 'a,b,,c'.split(','), ' a  b '.split(), 'aXbX'.replace('X', '-'))
print('abc'.startswith('ab'), 'abc'.endswith('x'))
print(hex(255), hex(-1), hex(0))
x = id(a)
print(type(x).__name__, x == id(a), hex(id(a)) == hex(x))
gc.collect()
print(gc.get_count())
for i in range(5):
    s = '{} {}'.format(i, [i])
print(gc.get_count(), s)
del a
print(f"{Node('tmp')}")
print('done')
`,
};

/** Formatting errors: CPython's exception and message, exit status 1. */
export const FORMAT_FAILING: Record<string, { source: string; lastLine: string }> = {
  'an int spec on a str': {
    source: "name = 'x'\nprint('before')\nprint(f'{name:d}')\n",
    lastLine: "ValueError: Unknown format code 'd' for object of type 'str'",
  },
  'a spec on an object without __format__': {
    source: "print(f'{[1]:>5}')\n",
    lastLine: 'TypeError: unsupported format string passed to list.__format__',
  },
  'grouping with a code that refuses it': {
    source: "print(format(5, ',x'))\n",
    lastLine: "ValueError: Cannot specify ',' with 'x'.",
  },
  '__str__ returning a non-str': {
    source: 'class A:\n    def __str__(self):\n        return 5\nprint(A())\n',
    lastLine: 'TypeError: __str__ returned non-string (type int)',
  },
  '__format__ returning a non-str': {
    source: "class A:\n    def __format__(self, spec):\n        return 5\nprint(f'{A()}')\n",
    lastLine: 'TypeError: __format__ must return a str, not int',
  },
  'str.format with too few arguments': {
    source: "print('{} {}'.format(1))\n",
    lastLine: 'IndexError: Replacement index 1 out of range for positional args tuple',
  },
  'str.format switching to manual numbering': {
    source: "print('{}{1}'.format(1, 2))\n",
    lastLine: 'ValueError: cannot switch from automatic field numbering to manual field specification',
  },
  'str.format with a missing name': {
    source: "print('{name}'.format(nom=1))\n",
    lastLine: "KeyError: 'name'",
  },
  'str.join of a non-str item': {
    source: "print(', '.join(['a', 1]))\n",
    lastLine: 'TypeError: sequence item 1: expected str instance, int found',
  },
};
