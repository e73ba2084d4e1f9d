# Q3: main namespace kept alive by an attribute of the sys module: it is
# only released when the sys dict is wiped (after stdout is gone).
import sys
class A:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)
x = A("x")
sys.keep = A("kept in sys")
print("end of script")
