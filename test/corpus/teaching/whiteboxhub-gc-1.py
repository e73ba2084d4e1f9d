# Source: https://github.com/WhiteboxHub/python_codebase (Garbage Collection notebook)
# Licence: not stated
# Topic: refcount, cycles
import sys

a = [1, 2, 3]
print(sys.getrefcount(a))  # Returns reference count
b = a  # Another reference to `a`
print(sys.getrefcount(a))  # Count increases
del b  # Removing reference
print(sys.getrefcount(a))  # Count decreases

class Node:
    def __init__(self, value):
        self.value = value
        self.ref = None

node1 = Node(1)
node2 = Node(2)
node1.ref = node2
node2.ref = node1  # Creates a cycle
del node1
del node2  # The memory for these objects is reclaimed by GC
