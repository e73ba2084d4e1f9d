# Source: https://github.com/udhayprakash/PythonMaterial (list memory notebook)
# Licence: not stated
# Topic: sizes, list over-allocation
from sys import getsizeof

mylist = []

print(getsizeof(mylist), mylist)

mylist.append(1)

print(getsizeof(mylist), mylist)

mylist.append(11)

print(getsizeof(mylist), mylist)

mylist.extend([111, 1111])

print(getsizeof(mylist), mylist)

mylist.append(2)

print(getsizeof(mylist), mylist)

mylist.extend([22, 222, 2222])

print(getsizeof(mylist), mylist)

mylist2 = []
for i in range(12):
    mylist2.append(i)
    print(f"{getsizeof(mylist2):3}, {len(mylist2):2}, {mylist2}")
    if (i % 4) - 3 == 0:
        print()
