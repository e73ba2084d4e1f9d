# Source: https://scriptdatainsights.blogspot.com/2026/01/python-generators-yield-guide.html
# Licence: not stated
# Topic: generators vs lists, sizes
import sys # LIST COMPREHENSION (Eager)
my_list = [x * 2 for x in range(10000)]
print(sys.getsizeof(my_list)) # Output: ~87,000 bytes (Large)
# GENERATOR EXPRESSION (Lazy)
my_gen = (x * 2 for x in range(10000))
print(sys.getsizeof(my_gen)) # Output: ~100 bytes (Tiny)
