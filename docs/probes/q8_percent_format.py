# printf-style formatting, str % values (PyUnicode_Format, Objects/unicodeobject.c, 3.11):
# results and messages of conversions, flags, width/precision, '*', mapping keys, a single
# non-tuple value; and what a `%` expression allocates (the tuple it builds, temporaries).
import gc, sys, dis, io

class R:
    def __repr__(self): return 'R()'
    def __str__(self): return 'str-R'

CASES = [
    ('%d objects, %.1f%%', (3, 12.345)), ('%s: %r', ('a', 'a')), ('%(name)s', {'name': 'x'}),
    ('%5d|%-8s|%08.3f|%x|%o|%e|%g|%c', (42, 'ab', -3.14159, 255, 8, 12345.678, 0.0001, 65)),
    ('%+d % d %+ d % +d', (5, 5, 5, -5)), ('%#x %#X %#o %#5x %#-8o|', (255, 255, 8, 10, 8)),
    ('%05d %-05d| %05s %+05d %05x %#07x', (-42, 42, 'ab', 7, 255, 255)),
    ('%.3d %.0d %5.3d %-6.2x|', (5, 0, -7, 10)), ('%.0f %.1f %.2f %.3e %.0e %#.0f %#.0e', (2.5, 0.05, 1.005, 1e100, 5.0, 3.0, 7.0)),
    ('%g %G %g %g %.3g %#g %#.3g %g', (1e16, 1e-7, 123456789.0, 0.0, 1234.5, 1.0, 1.0, 1e-5)),
    ('%f %F %e %E %g %G', (float('inf'), float('inf'), float('-inf'), float('nan'), float('nan'), float('inf'))),
    ('%05f|%-7f|%+f|%06.1f|% .2f', (float('inf'), float('nan'), float('nan'), -0.0, -0.001)),
    ('%*d|%-*d|%*d|%.*f|%.*f|%*.*f|', (5, 42, 5, 42, -5, 42, 2, 3.14159, -2, 3.14159, 8, 3, 2.5)),
    ('%s %r %a', ('é', 'é', 'é')), ('%s %r %a %s', (R(), R(), R(), None)), ('%5s|%-5s|%.2s|%5.1r|', ('abc', 'abc', 'abc', 'abc')),
    ('%c%c%c|%3c|%-3c|', ('x', 0x263a, 97, 'y', 98)), ('%d %i %u %s %r', (True, False, True, True, False)),
    ('%d %x %o %s', (3.99, 255, 8, 2.5)), ('%d %f %s %r', (-3.7, 3, 1.0, 1e22)), ('%hd %ld %Lf %ls', (1, 2, 3.0, 's')),
    ('%s', [1, 2]), ('%s', {'a': 1}), ('%s', (1,)), ('%s', 'abc'), ('%d', 7), ('abc', {}), ('abc', []), ('abc', ()),
    ('%(a)s %(b)d %(a)r %%', {'a': 'x', 'b': 2}), ('%(a)5.1f|%(a)-8.2e|%(a)+d', {'a': 2.25}),
    ('%((a))s', {'(a)': 1}), ('%()s', {'': 'empty'}), ('%s%%%s', (1, 2)), ('100%%', ()), ('%s', ((1, 2),)),
    ('%d', 10 ** 30), ('%x', -(10 ** 20)), ('%e', 10 ** 30), ('%.30f', (0.1,)), ('%.60g', (0.1,)), ('%3%|', ()),
    ('%s', R()), ('%r', [R()]), ('%5%', ()),
    # errors
    ('%s %s', (1,)), ('%s', (1, 2)), ('abc', 5), ('abc', 'x'), ('%q', (1,)), ('%q', ()), ('%', ()), ('abc %', (1,)),
    ('%d', 'x'), ('%x', 3.5), ('%i', None), ('%o', '7'), ('%f', 'x'), ('%e', None), ('%c', 'ab'), ('%c', 3.0),
    ('%c', -1), ('%c', 0x110000), ('%c', 10 ** 30), ('%d', float('nan')), ('%d', float('inf')), ('%f', 10 ** 400),
    ('%(a)s', (1,)), ('%(a)s', 5), ('%(a)s', {'b': 1}), ('%(a', {'a': 1}), ('%(a)s %s', {'a': 1}),
    ('%*d', (1.5, 2)), ('%.*f', ('x', 2.0)), ('%*d', (5,)), ('%(a)', {'a': 1}), ('%5', (1,)), ('%.', (1,)),
    ('%s %\x01', (1, 2)), ('%é', (1,)), ('%s', ()), ('%(a)s', [1]), ('%d', R()), ('%.*s', (3, 'abcdef')),
    ('%s %(a)s', {'a': 1}), ('%999999999999999999999d', (1,)), ('%.99999999999d', (1,)),
]
for fmt, args in CASES:
    try:
        print(repr(fmt), '->', repr(fmt % args))
    except Exception as e:
        print(repr(fmt), '!!', type(e).__name__ + ':', e)

# allocations: a `%` with a literal tuple of non-constant items builds the tuple (a GC object);
# with a literal format of only s/r/a units (width and precision under 100) the compiler makes
# an f-string of it instead (ast_opt.c optimize_format): no tuple, so gc.get_count() differs.
def kind(src):
    out = io.StringIO(); dis.dis(compile(src, 'p', 'eval'), file=out)
    return 'fstring' if 'FORMAT_VALUE' in out.getvalue() else 'binary_op'
for src in ['"%s: %r" % (a, b)', '"%d" % (a,)', '"%5s|%-5.2s" % (a, b)', '"%100s" % (a,)', '"%(k)s" % (a,)',
            '"%s %s" % (a,)', '"%s" % (a, b)', '"%s" % (1,)', '"%s" % (*a,)', '"%%%s%%" % (a,)']:
    print(src, kind(src))
a, b, n = 'x', [1], 3
gc.collect(); print(gc.get_count())
s = '%s=%d' % (a, n); print(gc.get_count())
s = '%s=%s' % (a, n); print(gc.get_count())
t = (a, n)
s = '%s=%d' % t; print(gc.get_count(), sys.getrefcount(t))
d = {'a': a}
s = '%(a)s' % d; print(gc.get_count(), sys.getrefcount(d), sys.getrefcount(a))
s = '%s' % b; print(gc.get_count(), sys.getrefcount(b))
s = '%r and %s' % (R(), R()); print(gc.get_count(), s)
