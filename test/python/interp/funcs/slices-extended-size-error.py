x = [1, 2, 3]
print(x[1:2])
try_it = x[::2]
print(try_it)
x[::2] = [1, 2, 3]
