# Q3: order of __del__ at interpreter shutdown for plain globals
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
_u = A("_u (underscore, created 1st)")
b = A("b (created 2nd)")
a = A("a (created 3rd)")
c1 = A("c1 (cycle with c2, 4th)"); c2 = A("c2 (5th)")
c1.other = c2; c2.other = c1
lst = [A("in list [0]"), A("in list [1]")]
z = A("z (last)")
print("end of script")
