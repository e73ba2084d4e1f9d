# Source: https://stackoverflow.com/questions/43889268/circular-reference-in-python (answer; mirrored at wiki.gubat.org)
# Licence: CC BY-SA 4.0
# Topic: cycles, addresses
import gc

class A:
    def __init__(self):
        self.b = B(self)
        print('A: self: {0}, b:{1}'.format(hex(id(self)), hex(id(self.b))))

class B:
    def __init__(self, a):
        self.a = a
        print('B: self: {0}, a: {1}'.format(hex(id(self)), hex(id(self.a))))

gc.disable()
my_var = A()
my_var = None
print(gc.collect())
