# Source: https://shyamgupta.notion.site/Pointers-in-Python-5c82d06089b04710bbcec8d636f146ed
# Licence: not stated
# Topic: refcount (small integers)
import sys
print(isinstance(1,object)) # True
print(isinstance(list(),object)) # True
print(sys.getrefcount(7)) # 23
foo = 7
print(sys.getrefcount(7)) # 24
