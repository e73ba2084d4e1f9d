# Q3: objects whose only referrer was created AFTER them (class attributes,
# list-display items, constructor arguments, default values) are moved to
# the END of the gc list by the first shutdown collection, so their __del__
# runs after everything else.
import sys
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
if len(sys.argv) > 1:
    import gc; gc.collect(); print("explicit gc.collect() done")
    after = A("created after explicit collect")
print("end of script")
