# Q3: same objects as q3_shutdown_reorder.py but with gc.disable(): the first
# shutdown collection (PyGC_Collect) is skipped, so no survivor reordering
# happens and the final _PyGC_CollectNoFail finalizes in plain creation order.
import gc
gc.disable()
class A:
    def __init__(self, name, other=None):
        self.name = name
        self.other = other
    def __del__(self): print("del", self.name)
class K:
    attr = A("K.attr (class attribute)")
def f(p=A("default arg of f")):
    pass
first = A("first global")
holder = A("holder", A("ctor arg of holder"))
lst = [A("lst[0]"), A("lst[1]")]
last = A("last global")
print("end of script")
