# Source: https://mkn.gitbook.io/repo/programming/python/generators
# Licence: not stated
# Topic: generators vs lists, sizes
def firstn(n):
    nums = []
    for i in range(n):
        nums.append(i)
    return nums

def firstn_generator(n):
    for i in range(n):
        yield i

from sys import getsizeof

big_list = [i for i in range(1_000_000)]
big_gen = (i for i in range(1_000_000))

print(getsizeof(big_list))  # ~8,000,000 bytes (varies)
print(getsizeof(big_gen))   # ~200 bytes

def countdown(n):
    while n > 0:
        yield n
        n -= 1

for number in countdown(5):
    print(number)

squares = (x*x for x in range(10))
print(next(squares)) # 0
print(next(squares)) # 1
