# Source: https://github.com/mailcourses/deep_python_autumn_2024 (lesson notebook on memory)
# Licence: not stated
# Topic: small int and string interning, refcount
import sys

print(sys.getrefcount(10 ** 20))

x = 10 ** 21
print(sys.getrefcount(x))

s1 = "qwerty123"
s2 = "qwerty123"
print(s1 is s2)

s3 = "qwerty!"
s4 = "qwerty!"
print(s3 is s4)
