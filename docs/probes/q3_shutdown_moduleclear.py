# Q3: _PyModule_ClearDict order (underscore names first, then the rest, in
# dict order).  It only applies to __main__ if the module object survives
# the first shutdown _PyGC_CollectNoFail; here sys.keep holds it (the sys
# dict is wiped only after module dicts are cleared).
import sys
class A:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)
z = A("z (1st global)")
_p = A("_p (underscore, 2nd)")
__dunder = A("__dunder (double underscore, 3rd)")
m = A("m (4th)")
_q = A("_q (underscore, 5th)")
sys.keep = sys.modules[__name__]
print("end of script")
