# Q1: what a class statement allocates (tracked GC objects that survive it)
import gc
gc.disable()
gc.collect(); gc.get_count()
before = {id(o) for o in gc.get_objects()}
gc.collect(); gc.get_count()
a = gc.get_count()[0]
class C:
    pass
b = gc.get_count()[0]
new = [o for o in gc.get_objects() if id(o) not in before and o is not before]
print("count0 delta", b - a)
for o in new:
    r = repr(o)
    print(type(o).__name__, r[:70] if 'object at' not in r else '')
print("C.__dict__ keys", list(C.__dict__))
