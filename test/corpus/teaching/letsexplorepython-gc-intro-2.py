# Source: https://notebook.community/mayankjohri/LetsExplorePython/Section%202%20-%20Advance%20Python/Chapter%20S2.14%20-%20Memory%20Management/01.%20Garbage%20Collection%20-%20Introduction
# Licence: not stated
# Topic: cycles, gc.garbage (cells 13, 26, 27 and 28 in order)
good = ["good"]
b = []
b.append(good)
good.append(b)
print( b)
del(good)
print(b)

a = ["test"]
b = []
b.append(a)
print(id(a))
print(id(b[0]))
print(b)
del(a)
print(id(b[0]))
print(b)

import gc
print(gc.garbage)
del(b)
gc.collect()
print(gc.garbage)

import gc
print ("Garbage collection thresholds: ", gc.get_threshold())
