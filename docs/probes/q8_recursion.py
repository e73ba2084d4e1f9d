# Probe (CPython 3.11.7): how deep recursion through native re-entry goes before RecursionError.
# Python frames and C-level checks (PyObject_Str/PyObject_Repr, a C method such as object.__format__
# called from C, _PyObject_MakeTpCall for a class call) share one limit of 1000.
# Observed: plain f() ~998 frames; __str__ -> str(self) 495 levels (2 each);
# __str__ -> f"{self}" 333 levels (3 each: object.__format__, PyObject_Str, the frame).
import sys
print(sys.getrecursionlimit())
n = [0]
class A:
    def __str__(self):
        n[0] += 1
        return str(self)
try:
    str(A())
except RecursionError as e:
    print(n[0], e)
n[0] = 0
class B:
    def __str__(self):
        n[0] += 1
        return f"{self}"
try:
    str(B())
except RecursionError as e:
    print(n[0], e)
