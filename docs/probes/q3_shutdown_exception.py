# Q3: uncaught NameError at the end: order of traceback (stderr) vs prints
# and __del__ output (stdout).  Run with 2>&1 to see the interleaving.
class A:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)
a = A("a")
b = A("b")
print("before error")
undefined_name
print("never")
