# A closure's cells: their type, size, refcounts and gc tracking, and what making one allocates.
import gc
import sys


def make_adder(n):
    def add(x):
        return x + n
    return add


gc.collect()
print(gc.get_count())
add5 = make_adder(5)
print(gc.get_count())
print(add5(10), add5.__name__, add5.__qualname__)
cells = add5.__closure__
cell = cells[0]
print(type(cells).__name__, len(cells), sys.getsizeof(cells))
print(type(cell).__name__, sys.getsizeof(cell), gc.is_tracked(cell))
print(sys.getrefcount(cell), sys.getrefcount(cells), cell.cell_contents)
print(make_adder.__closure__)
print(any(r is cells for r in gc.get_referents(add5)))
print([type(r).__name__ for r in gc.get_referents(cell)])
add7 = make_adder(7)
print(add7.__closure__ is add5.__closure__, add7(1))
data = [1, 2, 3]
print(sys.getrefcount(data))


def holder(d):
    def get():
        return d
    return get


h1 = holder(data)
h2 = holder(data)
print(sys.getrefcount(data), h1() is h2())
del h1
print(sys.getrefcount(data))
del h2
print(sys.getrefcount(data))
gc.collect()
print(gc.get_count())
fns = [make_adder(i) for i in range(10)]
print(gc.get_count(), sum(f(1) for f in fns))
del fns
print(gc.get_count())
