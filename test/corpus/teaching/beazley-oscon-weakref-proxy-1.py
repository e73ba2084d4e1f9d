# Source: http://www.empowermentzone.com/pyth_doc.zip (David Beazley, "New Features in Python 2", OSCON 2001, slide 42), UserDict replaced by a dict subclass for Python 3
# Licence: not stated
# Topic: weakref.proxy, ends in ReferenceError as published
import weakref
class UserDict(dict):
    pass
d = UserDict()
wd = weakref.proxy(d)
wd["spam"] = "eggs"
wd["michael"] = "ellis"
del d
wd["spanish"] = "inquisition"
