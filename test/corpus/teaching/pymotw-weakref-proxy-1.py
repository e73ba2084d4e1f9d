# Source: https://demo2s.com/python/python-weakref-proxies.html (Doug Hellmann's PyMOTW-3 weakref_proxy.py)
# Licence: not stated
# Topic: weakref.proxy, ends in ReferenceError as published
import weakref


class ExpensiveObject:

    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('(Deleting {})'.format(self))


obj = ExpensiveObject('My Object')
r = weakref.ref(obj)
p = weakref.proxy(obj)

print('via obj:', obj.name)
print('via ref:', r().name)
print('via proxy:', p.name)
del obj
print('via proxy:', p.name)
