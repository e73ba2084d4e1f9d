# Source: https://mortalapps.com/python/memory-and-data-structures/everything-is-an-object/
# Licence: not stated
# Topic: cycles, ctypes
import sys
import ctypes
class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []
def build_cycle():
    n1 = Node(1)
    n2 = Node(2)
    n1.edges.append(n2)
    n2.edges.append(n1)
    return id(n1), id(n2)
id1, id2 = build_cycle()
# We check if memory addresses are still holding live data
print(f"Address 1 holding data: {ctypes.cast(id1, ctypes.py_object).value.value}")
