# Q1: count0 cost of the gc/sys API calls themselves, measured right after
# gc.collect() (all free lists empty), warm = second call.
import gc, sys
gc.disable()
o = []
res = []
def m(label, which):
    gc.collect(); gc.get_count()            # warm the 3-tuple free list
    a = gc.get_count()[0]
    if which == 0: gc.get_count()
    elif which == 1: gc.get_threshold()
    elif which == 2: gc.get_stats()
    elif which == 3: gc.set_threshold(700)
    elif which == 4: gc.set_threshold(700, 10, 10)
    elif which == 5: gc.isenabled(); gc.enable(); gc.disable()
    elif which == 6: gc.is_tracked(o)
    elif which == 7: gc.collect()
    elif which == 8: sys.getrefcount(o)
    elif which == 9: sys.getsizeof(o)
    elif which == 10: sys.getsizeof(o); sys.getsizeof(o)
    elif which == 11: gc.collect(0)
    b = gc.get_count()[0]
    res.append((label, b - a))
labels = ["gc.get_count() (3-tuple, warm)", "gc.get_threshold() (3-tuple, warm)", "gc.get_stats() (list + 3 dicts)",
          "gc.set_threshold(700) (1-tuple args)", "gc.set_threshold(700,10,10) (3-tuple args, warm)", "isenabled/enable/disable",
          "gc.is_tracked(o)", "gc.collect() (resets to 0)", "sys.getrefcount(o)", "sys.getsizeof(o) (1-tuple args)", "sys.getsizeof twice",
          "gc.collect(0)"]
for i, l in enumerate(labels):
    m(l, i)
for l, d in res:
    print("%+d  %s" % (d, l))
# free lists survive gc.collect(0) and gc.collect(1) but not gc.collect(2)
for g in (0, 1, 2):
    gc.collect(); gc.get_count()
    t = []; del t                    # one list on the list free list
    gc.collect(g)
    gc.get_count()
    a = gc.get_count()[0]
    t = []
    b = gc.get_count()[0]
    del t
    print("after gc.collect(%d): new [] costs %+d" % (g, b - a))
