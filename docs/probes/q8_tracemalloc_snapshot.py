# Q8: what a tracemalloc snapshot leaves traced (CPython 3.11.7, Lib/tracemalloc.py). Each trace is
# attributed to the innermost Python frame's line (traceback limit 1); total_nframe, the stack depth,
# is part of the traceback, so a comprehension's allocations (one frame deeper) are another
# traceback than the module's on the same line. _get_traces builds its list of trace tuples while
# tracemalloc is reentrant: the tuples are never traced, but they take the tuple free lists' shells
# (a (frame,) 1-tuple and a (filename, lineno) 2-tuple per distinct traceback, a 4-tuple per trace).
# Expected output after '#' (lines of tracemalloc.py: 558 _get_traces(), 560 Snapshot(...),
# 423 _Traces(traces) in Snapshot.__init__, 313 Sequence.__init__(self) in _Traces.__init__).
import tracemalloc
tracemalloc.start()
a = tracemalloc.get_traced_memory()[0]
b = tracemalloc.get_traced_memory()[0]  # a was the globals' 11th name: keys grew (400 @ line 11)
s1 = tracemalloc.take_snapshot()
c = tracemalloc.get_traced_memory()[0]
s2 = tracemalloc.take_snapshot()
d = tracemalloc.get_traced_memory()[0]
s3 = tracemalloc.take_snapshot()
e = tracemalloc.get_traced_memory()[0]
print(a, b, c, d, e)  # 0 400 1072 1824 2560
# s1 (nothing traced yet, its list empty): Snapshot 56 + values 264 @560, _Traces 56 + values 264
# @423: 640 (the values arrays shrink by 8 with each instance: init_inline_values takes one of the
# class's shared keys' usable slots). s2: 56 + 256 @560, 56 + 256 @423, and new 1-tuples (48)
# @423 and @313 (type_call's and wrapperdescr's packed arguments) because s2's trace tuples emptied
# the 1-tuple free list: 720. s3: 56 + 248 twice, 1-tuples again: 704 (+ the 32-byte ints).
for t in sorted(s3.traces._traces, key=lambda t: (t[2][0][1], t[1])):
    print(t[1], t[2][0][1], t[3])  # size, line, total_nframe
# A snapshot of a million traces makes a million GC 4-tuples: CPython runs ~1300 young collections
# and one full collection inside _get_traces, which empties every free list, so the packed 2-tuple
# of Snapshot(...) is new as well (56 @560): the corpus lesson romanzdk-tracemalloc-1.py prints
# 40442328 = list 40440448 + 400 + s1 640 + 2 ints 64 + s2 776.
