# Source: http://stackoverflow.com/questions/7247298/size-of-list-in-memory (accepted answer's session)
# Licence: CC BY-SA 3.0
# Topic: sizes, list over-allocation. REPL session made a script: each expression line is printed.
import sys
print(sys.getsizeof([]))
print(sys.getsizeof([1]))
lst = []
lst.append(1)
print(sys.getsizeof(lst))
