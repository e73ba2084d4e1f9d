# Source: https://widewiki.com/posts/python/geek-pie/python-generators-memory-efficient-iterators-20250715151158
# Licence: not stated
# Topic: generators vs lists, sizes
def count_up_to(n):
    i = 1
    while i <= n:
        yield i
        i += 1

# Using the generator
for number in count_up_to(5):
    print(number)

import sys

# List approach
large_list = list(range(100000))
print(sys.getsizeof(large_list))  # ~800,000 bytes

# Generator approach
large_gen = (x for x in range(100000))
print(sys.getsizeof(large_gen))  # ~112 bytes
