# Q4: gc.get_count()[0] right after gc.collect() when finalizers ran during the
# collection (allocations during a collection are counted after the reset;
# frees decrement count0 only while it is > 0).
import gc
gc.disable()
class A:
    def __del__(self):
        print("del")
class B:
    def __del__(self):
        self.tmp = [1]          # allocates a list during the collection (kept until B freed)
class C:
    def __del__(self):
        pass
for cls in (A, B, C):
    for n in (1, 3):
        objs = [cls() for i in range(n)]
        for o in objs: o.me = o
        del objs, o
        r = gc.collect()
        print(cls.__name__, "x%d" % n, "collect ->", r, "count after:", gc.get_count())
