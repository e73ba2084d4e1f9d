/**
 * Programs using locals() inside functions, exec() and the copy module, each deterministic on
 * CPython 3.11: the refcounts of the f_locals dict, what it holds and when it goes (`__del__`
 * output), the constants exec() compiles, and what copies share.
 */
export const NAMESPACE_BUILTIN_PROGRAMS: Record<string, string> = {
  "locals() in functions: the frame's f_locals dict": `import gc, sys
class A:
    def __del__(self):
        print('del A')
def f(x, y=2):
    d = locals()
    print(sorted(d.items()), sys.getrefcount(d))
    z = A()
    print('z' in d, 'z' in locals(), d is locals(), sys.getrefcount(d))
    del z
    print('after del', 'z' in locals())
    d['w'] = 5
    print(sorted(locals()), x)
    return d
gc.collect()
r = f(1)
print(sorted(r), sys.getrefcount(r), gc.get_count())
def g():
    a = []
    a.append(locals())
    print(len(a[0]))
    return 1
g()
print(gc.collect())
def h():
    k = A()
    return locals()
m = h()
print('before del m')
del m
def comp():
    return [sorted(locals()) for i in range(2)]
print(comp())
def cyc():
    if "arr" not in locals():
        arr = []
    arr.append(arr)
    print(arr)
cyc(); cyc()
print(gc.collect())
`,
};
