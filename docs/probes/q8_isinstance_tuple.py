# isinstance/issubclass with a tuple (nested too) as classinfo: object_recursive_isinstance and
# object_issubclass walk the tuple item by item, stop at the first match or error, and allocate
# nothing (the gc count does not move; the tuple constant is not copied); the error messages for a
# bad classinfo are check_class's. Run: python3 docs/probes/q8_isinstance_tuple.py
import gc, sys
class A: pass
class B(A): pass
class C: pass
b = B()
t = (int, (str, (C, A)))
gc.collect()
print(gc.get_count(), sys.getrefcount(t), sys.getrefcount(A))
print(isinstance(b, (int, A)), isinstance(b, t), isinstance(b, ()), isinstance(b, (C, (), int)))
print(isinstance(True, (str, int)), isinstance(1, (bool,)), isinstance(b, (object,)))
print(issubclass(B, (int, A)), issubclass(B, t), issubclass(bool, (str, int)), issubclass(A, (B, C)))
print(issubclass(B, ()), issubclass(5, ()), isinstance(b, (B, 5)), issubclass(B, (B, 5)))
print(gc.get_count(), sys.getrefcount(t), sys.getrefcount(A))
for call in (lambda: isinstance(b, (int, 5)), lambda: isinstance(b, 5), lambda: isinstance(b, [A]),
             lambda: issubclass(5, (int,)), lambda: issubclass(B, (int, 5)), lambda: issubclass(b, A),
             lambda: issubclass(B, 'A'), lambda: isinstance(b), lambda: issubclass(B, A, C)):
    try:
        print(call())
    except TypeError as e:
        print('TypeError:', e)
deep = A
for i in range(1200):
    deep = (deep,)
try:
    isinstance(1, deep)
except RecursionError as e:
    print('RecursionError:', e)
try:
    issubclass(int, deep)
except RecursionError as e:
    print('RecursionError:', e)
print(isinstance(b, (((A,),),)), issubclass(B, (((A,),),)))
