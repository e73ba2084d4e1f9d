# Source: https://pythonkb.com/?p=32530
# Licence: not stated
# Topic: refcount (examples 1-5 of the article, one after another)
import sys
x = 5
print(sys.getrefcount(x))

list1 = [1, 2, 3]
print(sys.getrefcount(list1))

a = 10
b = a
print(sys.getrefcount(a))

string1 = "Hello"
string2 = string1
print(sys.getrefcount(string1))

t = (1, 2, 3)
print(sys.getrefcount(t))
