# Source: https://pythonz2h.com/chapter_08_high_performance_python/series_02_optimizing_python_code/generators_vs_lists_memory_speed
# Licence: not stated
# Topic: generators vs lists, sizes (the article's two getsizeof snippets, without their print-every-item loops)
# Creates a list with 1 million integers in memory
squares_list = [x**2 for x in range(1000000)]

# Allocates roughly 40 MB of RAM
import sys
print(sys.getsizeof(squares_list)) # ~40 MB

# Creates a generator — no memory allocation for values
squares_gen = (x**2 for x in range(1000000))

# Generator object is tiny (kilobytes)
import sys
print(sys.getsizeof(squares_gen)) # ~128 bytes
