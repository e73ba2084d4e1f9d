# Q2: getrefcount inside __del__, weakref callbacks, methods on temporaries,
# containers while iterating, and of a class referenced from instances.
import sys, weakref, gc
R = sys.getrefcount
class A:
    def __del__(self):
        print("inside __del__ (refcount dealloc): R(self) =", R(self))
    def m(self):
        return R(self)
a = A(); del a
print("A().m() on a temporary:", A().m())
gc.disable()
c = A(); c.me = c; del c
print("cycle collected by gc.collect():"); gc.collect()
def cb(w):
    print("weakref callback: R(w) =", R(w), " w() is None:", w() is None)
b = A()
wb = weakref.ref(b, cb)
print("R(wb) =", R(wb)); del b
lst = [A(), A()]
it_lst = lst
for x in lst:
    print("iterating: R(lst) =", R(lst), "(global lst + it_lst + list iterator + arg)")
    break
del x
d = {'k': []}
for k in d:
    print("iterating dict: R(d) =", R(d), "(global + dict iterator + arg)")
print("R(d['k']) =", R(d['k']))
for k, v in d.items():
    print("inside for k, v in d.items(): R(v) =", R(v), "(dict + v + cached result tuple + arg)")
print("after the loop: R(v) =", R(v))
for kv in d.items():
    print("for kv in d.items(): R(kv) =", R(kv), "(kv + iterator di_result cache + arg)")
del lst, it_lst
print("end")
