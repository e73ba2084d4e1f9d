# Q1: state at script start (before any gc.collect()): count0 and free-list
# occupancy.  Objects are allocated one at a time and kept; "served" = how
# many came from the free list (count0 did not move).
import gc, sys
gc.disable()
c0 = gc.get_count()
keep = []
v = 3
res = {}
for kind in ('list', 'dict', 'tuple1', 'tuple2', 'tuple4'):
    served = 0
    while served < 200:
        a = gc.get_count()[0]
        if kind == 'list': o = []
        elif kind == 'dict': o = {}
        elif kind == 'tuple1': o = (v,)
        elif kind == 'tuple2': o = (v, v)
        else: o = (v, v, v, v)
        b = gc.get_count()[0]
        keep.append(o)
        if b != a:
            break
        served += 1
    res[kind] = served
print("get_count() at start:", c0, "flags -S/-I:", sys.flags.no_site, sys.flags.isolated)
print("free-list entries at start:", res)
