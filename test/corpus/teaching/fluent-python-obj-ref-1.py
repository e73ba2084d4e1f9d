# Source: https://github.com/fluentpython/example-code-2e/blob/master/06-obj-ref/06-obj-ref.ipynb (Fluent Python 2nd ed., Example 6-16)
# Licence: MIT
# Topic: weakref.finalize, refcount. Notebook cells made a script: each cell's value is printed.
import weakref

s1 = {1, 2, 3}
s2 = s1


def bye():
    print('...like tears in the rain.')


ender = weakref.finalize(s1, bye)
print(ender.alive)

del s1
print(ender.alive)

s2 = 'spam'

print(ender.alive)
