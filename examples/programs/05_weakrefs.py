# Weak references do not keep objects alive.
# Look at: a weakref does not change the refcount; when the object dies by refcounting the
# weakref is cleared and its callback runs; for cyclic garbage, callbacks of weakrefs that are
# themselves garbage do not run.
import gc, sys, weakref

gc.disable()
gc.collect()


class Thing:
    pass


def gone(ref):
    print('callback: the referent is gone, ref() is', ref())


t = Thing()
print('refcount before:', sys.getrefcount(t))
r = weakref.ref(t, gone)
print('refcount after weakref:', sys.getrefcount(t))
print('alive:', r() is t)
del t
print('dead:', r() is None)

c = Thing()
c.me = c
outside = weakref.ref(c, gone)
del c
print('collected:', gc.collect())
