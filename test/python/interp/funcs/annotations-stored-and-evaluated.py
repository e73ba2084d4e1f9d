import gc, sys
class Tag:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
gc.collect()
x: int = 5
print(gc.get_count(), __annotations__)
y: Tag('module y')
print(list(__annotations__))
(z): Tag('parenthesised') = 7
print('z =', z)
class Box:
    pass
b = Box()
b.v: Tag('attr') = [1, 2]
print(b.v, sys.getrefcount(b.v))
items = {}
items['k']: Tag('subscript')
print(items)
def f(p: Tag('param'), q: int = 3) -> Tag('ret'):
    local: Tag('never made') = Tag('local')
    return p
print(sys.getrefcount(f), gc.get_count())
r = f(1)
print('r =', r)
ann = f.__annotations__
print(list(ann), sys.getrefcount(ann), gc.get_count())
print(f.__annotations__ is ann)
del ann
del f
gc.collect()
print('f gone', gc.get_count())
class C:
    size: int = 10
    label: Tag('class attr')
    def m(self) -> None:
        self.w: Tag('not stored') = 1
print(list(C.__annotations__), C.size)
C().m()
del C
print(gc.collect())
del __annotations__['y']
print(list(__annotations__))
print('end')
