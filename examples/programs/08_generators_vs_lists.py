# Lesson: use generators instead of lists for large data.
#
# A list comprehension builds every element before you use the first one, and keeps them all.
# A generator expression hands out one element at a time and keeps only its own small frame.
# Both give the same sum; the memory each needs is very different.
import sys
import tracemalloc

N = 100_000

squares_list = [n * n for n in range(N)]
squares_gen = (n * n for n in range(N))

print(f"The list of {N:,} squares: {sys.getsizeof(squares_list):>9,} bytes")
print(f"The generator of them:    {sys.getsizeof(squares_gen):>9,} bytes")
print("(sys.getsizeof counts the container only: the list's array of pointers,")
print(" not the int objects it points to.)")
print()

print("Both give the same total:")
print(f"  sum of the list:      {sum(squares_list):,}")
print(f"  sum of the generator: {sum(squares_gen):,}")
print()

print("But a generator is used up after one pass; a list can be walked again:")
print(f"  sum of the list again:      {sum(squares_list):,}")
print(f"  sum of the generator again: {sum(squares_gen):,}")
print()
del squares_list, squares_gen


def sum_of_list():
    return sum([n * n for n in range(N)])


def sum_of_generator():
    return sum(n * n for n in range(N))


print("What summing really costs, measured with tracemalloc (the peak of memory in use):")
for label, summing in [("a list", sum_of_list), ("a generator", sum_of_generator)]:
    tracemalloc.start()
    total = summing()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  summing {label:<11}: peak {peak // 1024:>5,} KiB, total {total:,}")
print()
print("The list holds all its squares at once; the generator holds one at a time.")
