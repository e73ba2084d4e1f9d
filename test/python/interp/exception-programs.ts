/**
 * Programs about exceptions and memory (try/except/else/finally, raise, assert, loop `else`,
 * exception classes), each deterministic on CPython 3.11. Each prints refcounts, gc counts or
 * `__del__` output around its construct, so a modelling mistake shows; the runner compares stdout,
 * exit status and the traceback on stderr with python3.
 */
export const EXCEPTION_PROGRAMS: Record<string, string> = {
  'handler name deleted at the end; refcounts while handling': `import gc, sys
gc.collect()
print(gc.get_count())
try:
    raise ValueError('bad')
except ValueError as e:
    print(sys.getrefcount(e), gc.get_count(), e, e.args)
print(gc.get_count())
try:
    raise ValueError
except (TypeError, ValueError):
    print(gc.get_count())
print(gc.get_count())
def f():
    try:
        1 // 0
    except ZeroDivisionError as e:
        print(sys.getrefcount(e), gc.get_count(), e)
    print(gc.get_count())
gc.collect()
f()
print(gc.get_count())
`,
  'an exception keeps its traceback, frames and their locals alive': `import gc

class Big:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)

def work(name):
    data = Big(name)
    raise ValueError('failed ' + name)

try:
    work('a')
except ValueError as e:
    print('handling', e)
print('after handler a')
try:
    work('b')
except ValueError as e:
    kept = e
print('kept:', kept)
tb = kept.__traceback__
print(tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next)
del tb
del kept
print('after del kept')
def catcher():
    try:
        work('c')
    except ValueError as e:
        err = e
    return 'returned'
gc.collect()
print(catcher())
print('collected', gc.collect())
`,
  'finally with break, continue, return; else on loops': `import gc
def f(n):
    for i in range(n):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print('body', i)
        finally:
            print('finally', i)
    else:
        print('no break')
    return i
print(f(5), f(2))
def g():
    try:
        return [1, 2]
    finally:
        print('g cleanup')
print(g())
def h():
    while True:
        try:
            raise ValueError('v')
        except ValueError:
            break
    return 'out'
print(h())
def swallow():
    try:
        raise KeyError('lost')
    finally:
        return 'swallowed'
print(swallow())
n = 3
while n > 0:
    n -= 1
else:
    print('while else', n)
while True:
    break
else:
    print('not printed')
for x in []:
    pass
else:
    print('empty for else')
gc.collect()
print(gc.get_count())
`,
  'exception classes, args, str, isinstance and the hierarchy': `import gc, sys
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, msg, code):
        Exception.__init__(self, msg)
        self.code = code
for exc in [DbError('down', 503), AppError(), AppError('a', 1), KeyError('k'), IndexError('i')]:
    try:
        raise exc
    except DbError as e:
        print('db', e, e.code, e.args, isinstance(e, AppError))
    except AppError as e:
        print('app', e, e.args, len(e.args))
    except LookupError as e:
        print('lookup', e, e.args, isinstance(e, Exception))
del exc
try:
    d = {}
    d['missing']
except KeyError as k:
    print(k, k.args)
try:
    [][3]
except Exception as e:
    print(e.__class__ is IndexError, e.__class__ is LookupError, isinstance(e, LookupError))
try:
    raise DbError('x', 1)
except (ValueError, AppError) as e:
    print('tuple handler', e.code)
gc.collect()
print(gc.get_count())
`,
  'else and finally order, nested handlers and __context__': `import gc, sys
def run(fail):
    try:
        print('try')
        if fail:
            raise RuntimeError('fail')
    except RuntimeError as e:
        print('except', e)
    else:
        print('else')
    finally:
        print('finally')
run(False)
run(True)
try:
    try:
        1 // 0
    except ZeroDivisionError:
        raise ValueError('inner')
except ValueError as v:
    print(v, v.__context__, v.__cause__, v.__suppress_context__)
try:
    try:
        {}['k']
    except KeyError as e:
        raise RuntimeError('wrapped') from e
except RuntimeError as r:
    print(r, r.__cause__, r.__suppress_context__)
try:
    try:
        raise ValueError('a')
    except ValueError:
        raise TypeError('b') from None
except TypeError as t:
    print(t, t.__cause__, t.__context__, t.__suppress_context__)
try:
    try:
        raise ValueError('again')
    except ValueError:
        print('re-raising')
        raise
except ValueError as e:
    print('outer got', e, e.__context__)
gc.collect()
print(gc.get_count())
`,
  'assert with and without a message': `def check(x):
    assert x > 0, 'x must be positive'
    assert x < 10
    return x
print(check(5))
for v in [-1, 20]:
    try:
        check(v)
    except AssertionError as e:
        print('assertion', v, e, e.args)
`,
  'uncaught: exception raised while handling another': `def f():
    try:
        1 // 0
    except ZeroDivisionError:
        raise ValueError('wrapped')
print('start')
f()
`,
  'uncaught: raise from': `def load(d):
    try:
        return d['a']
    except KeyError as e:
        raise RuntimeError('failed') from e
load({})
`,
  'uncaught: finally runs first': `class D:
    def __del__(self):
        print('D freed')
def f():
    d = D()
    try:
        raise TypeError('one')
    finally:
        print('cleanup')
f()
`,
  'uncaught: bare raise in a handler keeps the traceback': `class MyError(Exception):
    pass
def g(n):
    if n == 0:
        raise MyError('bottom', n)
    g(n - 1)
try:
    g(2)
except MyError as e:
    print('caught', e, e.args)
    raise
`,
  'uncaught: assert': `x = 3
assert x == 4, 'x is not 4'
`,
};
