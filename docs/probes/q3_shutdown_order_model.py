# Q3: which order does the final shutdown collection use: creation (gc list)
# order or globals-dict order?  Objects are created in one order and bound
# to global names in the opposite order.
import sys
class A:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)
tmp = [A("created 1st, bound 2nd"), A("created 2nd, bound 1st")]
second = tmp[1]
first = tmp[0]
del tmp
t2 = A("created 3rd, bound 4th")
t1 = A("created 4th, bound 3rd")
later = t2; del t2               # 'later' inserted after t1
if len(sys.argv) > 1:
    import gc; gc.collect()
print("end of script")
