# Q8: what tracemalloc counts (CPython 3.11.7). It traces every live block allocated through
# PyMem/PyObject while tracing, with the size *requested*, not the pymalloc size class; a block
# freed loses its trace; a shell parked on a free list keeps it; a shell reused from a free list is
# no new allocation. Each line prints (current, peak) differences; expected output after '#'.
import tracemalloc

tm = tracemalloc.get_traced_memory
tracemalloc.start()
a, b = tm()  # (0, 0): the 2-tuple comes from the tuple free list, so it is not counted
m = 1000 + a  # one digit: _PyLong_FromMedium asks sizeof(PyLongObject), 32 (getsizeof says 28);
#               and the globals dict's 11th name (a) grew its keys to 32 slots: 400 bytes
print(tm())  # (432, 432)
tracemalloc.stop()

tracemalloc.start()
big = 2**40 + 1  # folded constant: nothing allocated
c = big * 3  # x_mul allocates 2 + 1 digits and keeps the block after normalising: 24 + 3*4 = 36
d = big * big  # 2 + 2 digits: 40
print(tm())  # (76, 76)
tracemalloc.stop()

tracemalloc.start()
x = list(range(1000))  # list(): type_call allocates the list (56 with its GC head), never the free
#                       list; the item array is pre-sized exactly (8000); range(1000) allocates the
#                       range (48), its length int (32) and the range iterator (48) while it runs
print(tm())  # (8000 + 56 + 743*32 = 31832, 31832 + 48 + 32 + 48 = 31960)
del x  # the list object parks on the list free list: its 56 stay traced; array and ints go
print(tm()[0])  # 56
y = [1, 2, 3]  # a list display takes the parked shell: no new object; its array has room for 4
print(tm()[0])  # 88
tracemalloc.stop()

tracemalloc.start()
n0 = tm()[0]
g = (i * i for i in range(10))  # the generator (with its frame inside) and the range objects
print(tm()[0] - n0 > 0)  # True
