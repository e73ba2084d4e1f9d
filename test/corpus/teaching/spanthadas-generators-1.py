# Source: https://blog.spanthadas.com/generators-vs-lists-memory-and-lazy-evaluation-in-python
# Licence: not stated
# Topic: generators vs lists, sizes
import sys

numbers = [x * x for x in range(1_000_000)]
# All one million squared values exist in memory right now

squares_gen = (x * x for x in range(1_000_000))

print(sys.getsizeof(numbers))
print(sys.getsizeof(squares_gen))
