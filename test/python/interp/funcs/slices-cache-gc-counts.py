import gc
l = list(range(10))
gc.collect()
print(gc.get_count())
a = l[2:5]
print(gc.get_count())
b = l[::3]
print(gc.get_count())
del a
del b
print(gc.get_count())
for i in range(5):
    c = l[i:i + 2]
print(gc.get_count(), c)
gc.collect()
print(gc.get_count())
