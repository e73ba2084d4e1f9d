# Source: https://github.com/mailcourses/deep_python_autumn_2024 (lesson notebook on memory)
# Licence: not stated
# Topic: refcount
import sys

lst1 = [1, 2, 3]

print("1:", sys.getrefcount(lst1))

lst2 = lst1

print("2:", sys.getrefcount(lst1), sys.getrefcount(lst2))

lst3 = lst2

print("3:", sys.getrefcount(lst1), sys.getrefcount(lst2), sys.getrefcount(lst3))

del lst2

print("4:", sys.getrefcount(lst1), sys.getrefcount(lst3))

lst1 = [1, 2, 3]

print("2:", sys.getrefcount(lst3))

lst1 = [1, 2, 3]

def func(obj):
    print(f"{sys.getrefcount(obj)=}")

print("1:", sys.getrefcount(lst1))

func(lst1)

print("2:", sys.getrefcount(lst1))
