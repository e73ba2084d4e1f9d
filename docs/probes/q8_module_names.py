# Q8: the names CPython 3.11's supported modules define (dir() without dunder names), from which
# python/lang/module-names.ts's CPYTHON_NAMES is written: a name of these that pymemlab does not
# model is refused by name; any other name raises AttributeError/ImportError as in CPython.
import gc, sys, weakref, ctypes, pprint
for m in (gc, sys, weakref, ctypes, pprint):
    print(m.__name__, ' '.join(n for n in dir(m) if not (n.startswith('__') and n.endswith('__'))))
