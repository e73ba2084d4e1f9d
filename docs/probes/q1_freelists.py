# Q1: free-list capacity effects on count0 (list 80, dict 80, tuple 2000 per size 1..20)
import gc
gc.disable()
v = 7
def cnt():
    return gc.get_count()[0]
for N in (10, 80, 100):
    for kind in ('list', 'dict', 'tuple2', 'tuple21', 'set', 'inst'):
        class A: pass
        gc.collect(); cnt()
        if kind == 'list':   objs = [[] for i in range(N)]
        elif kind == 'dict': objs = [{} for i in range(N)]
        elif kind == 'tuple2': objs = [(v, i) for i in range(N)]
        elif kind == 'tuple21': objs = [(v,)*21 for i in range(N)]
        elif kind == 'set': objs = [set() for i in range(N)]
        else: objs = [A() for i in range(N)]
        a = cnt()
        del objs                     # frees N objects (+ the holder list)
        b = cnt()
        if kind == 'list':   objs = [[] for i in range(N)]
        elif kind == 'dict': objs = [{} for i in range(N)]
        elif kind == 'tuple2': objs = [(v, i) for i in range(N)]
        elif kind == 'tuple21': objs = [(v,)*21 for i in range(N)]
        elif kind == 'set': objs = [set() for i in range(N)]
        else: objs = [A() for i in range(N)]
        c = cnt()
        del objs
        print(f"N={N:3d} {kind:8s} del: {b - a:+4d}  re-alloc: {c - b:+4d}")
