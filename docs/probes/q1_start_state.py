# Q1: gc.get_count() at script start and right after gc.collect()
import gc
print("start", gc.get_count())
print("start again", gc.get_count())
print("collect ->", gc.collect())
print("after collect", gc.get_count())
print("again", gc.get_count())
print(gc.get_threshold())
