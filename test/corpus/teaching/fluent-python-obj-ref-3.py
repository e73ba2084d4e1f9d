# Source: https://github.com/fluentpython/example-code-2e/blob/master/06-obj-ref/06-obj-ref.ipynb (Fluent Python 2nd ed., Examples 6-17 and 6-18)
# Licence: MIT
# Topic: identity of immutables, interning. Notebook cells made a script: each cell's value is printed.
t1 = (1, 2, 3)
t2 = tuple(t1)
print(t2 is t1)

t3 = t1[:]
print(t3 is t1)

t1 = (1, 2, 3)
t3 = (1, 2, 3)
print(t3 is t1)

s1 = 'ABC'
s2 = 'ABC'
print(s1 is s2)
