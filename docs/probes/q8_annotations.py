# What annotations allocate in 3.11 (gc counts): SETUP_ANNOTATIONS makes the module/class dict,
# MAKE_FUNCTION keeps a flat (name, value, ...) tuple (one constant when all values are literals),
# f.__annotations__ turns it into a dict on first access; function bodies never evaluate theirs.
import gc, sys, dis
class A:
    def __del__(self): print('del A')
gc.collect()
print(gc.get_count())
x: int = 5
print(gc.get_count())
print(sorted(__annotations__.items(), key=str))
y: list
print(gc.get_count())
def f(a: int, b: 'str' = 'q') -> list:
    z: A = A()
    return z
print(gc.get_count())
print(f.__annotations__)
print(gc.get_count())
def g(a: 'int') -> 'list': pass
print(gc.get_count(), g.__annotations__, gc.get_count())
f(1)
print('after')
class B:
    p: int = 3
    q: str
print(B.__annotations__, '__annotations__' in B.__dict__)
print(gc.get_count())
