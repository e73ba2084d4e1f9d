# Q8: the free lists once `import tracemalloc` has run at the top of a script (CPython 3.11.7).
# Lib/tracemalloc.py imports fnmatch, linecache and pickle, which leave CPython's list, dict and
# tuple free lists other than at start-up (compare with q1_startup_freelists.py). A list, dict or
# tuple taken from a free list is no new allocation, so tracemalloc does not count it; the
# simulator parks these many start-up shells when the program imports tracemalloc
# (python/interp/modules/tracemalloc.ts, FREE_AFTER_IMPORT). Run: python3 THIS 2>&1 | grep free
#     4 free PyDictObjects, 4 free PyFloatObjects, 34 free PyListObjects,
#     tuples of size 1..20: 4 16 4 5 1 0 0 4 2 3 3 3 4 2 1 1 1 2 1 6
import tracemalloc, sys
sys._debugmallocstats()
