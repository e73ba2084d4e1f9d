# Q6: gc.get_stats()/get_count() at script start are startup-dependent;
# deltas after a baseline are what a program can rely on.
import gc
s0 = gc.get_stats()
print("start count", gc.get_count())
print("start stats", s0)
gc.collect()
print("after collect", gc.get_stats())
l = []; l.append(l); del l
print("collect ->", gc.collect())
print("after 2nd collect", gc.get_stats())
