# List over-allocation.
# Look at: appending does not resize the list every time; CPython grows the item array in
# steps (0, 4, 8, 16, 24, 32, 40, 52, ...) so that appends are amortised O(1), and shrinks it
# only when the list falls below half its capacity.
import sys

lst = []
last = sys.getsizeof(lst)
print(0, last)
for i in range(40):
    lst.append(i)
    size = sys.getsizeof(lst)
    if size != last:
        print(len(lst), size)
        last = size
while len(lst) > 0:
    lst.pop()
    size = sys.getsizeof(lst)
    if size != last:
        print('pop to', len(lst), size)
        last = size
