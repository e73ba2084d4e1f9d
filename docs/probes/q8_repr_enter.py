# Py_ReprEnter's bookkeeping: the first repr that enters it creates the thread state's dict and
# the `Py_Repr` list kept in it, two GC allocations that stay for the rest of the run. dict_repr
# and set_repr enter it before looking at the size (an empty dict or set counts), list_repr and
# tuplerepr return "[]" / "()" first. Found by `pymemlab fidelity --seed 13` (program 1462:
# `print(pd, ...)` of an empty dict inside a function).
# CPython 3.11.7, PYTHONUNBUFFERED=1 (net GC allocations of each line after the first two):
#   []
#   ()
#   {}
#   set()
#   {}
#   [4, 0, 2, 0, 0]   (the first also counts the loop's list iterator and what the first print makes)
import gc

counts = []
values = [[], (), {}, set(), {}]
gc.collect()
before = gc.get_count()[0]
for value in values:
    print(value)
    now = gc.get_count()[0]
    counts.append(now - before)
    before = now
print(counts)
