/**
 * Programs using isinstance and issubclass with tuples (nested too) as classinfo, deterministic on
 * CPython 3.11: the results, the refcounts of the classes and of the tuple (not copied), gc counts
 * after a collection (nothing is allocated), CPython's errors for a bad classinfo and the recursion
 * level each nested tuple costs show a modelling mistake.
 */
export const CLASSINFO_PROGRAMS: Record<string, string> = {
  'isinstance and issubclass walk a tuple of classes, nested too, allocating nothing': `import gc, sys
class Animal:
    pass
class Dog(Animal):
    pass
class Robot:
    pass
class Error(ValueError):
    pass
pets = (Dog, (Robot, ()))
things = [Dog(), Animal(), Robot(), 3, True, 2.5, 'x', None, Error('e'), [1]]
gc.collect()
print(gc.get_count(), sys.getrefcount(pets), sys.getrefcount(Dog), sys.getrefcount(Animal))
for t in things:
    print(type(t).__name__, isinstance(t, (int, Animal)), isinstance(t, pets), isinstance(t, ()),
          isinstance(t, (str, (float, (type(None),)))), isinstance(t, (KeyError, Exception)))
for c in (Dog, Animal, Robot, bool, int, Error, object):
    print(c.__name__, issubclass(c, (int, Animal)), issubclass(c, pets), issubclass(c, ()),
          issubclass(c, ((LookupError, ValueError), object)), issubclass(c, (bool,)))
gc.collect()
print(gc.get_count(), sys.getrefcount(pets), sys.getrefcount(Dog), sys.getrefcount(Animal))
print(isinstance(Dog, (int, type)), isinstance(int, (type,)), issubclass(type, (object,)))
`,
  'a bad classinfo raises CPython’s errors, after the items that match first': `class A:
    pass
class B(A):
    pass
b = B()
print(isinstance(b, (B, 5)), issubclass(B, (A, 'A')), issubclass(5, ()), isinstance(3, (int, [int])))
calls = [
    ('isinstance(b, (int, 5))', lambda: isinstance(b, (int, 5))),
    ('isinstance(b, 5)', lambda: isinstance(b, 5)),
    ('isinstance(b, [A])', lambda: isinstance(b, [A])),
    ('issubclass(5, (int,))', lambda: issubclass(5, (int,))),
    ('issubclass(B, (int, 5))', lambda: issubclass(B, (int, 5))),
    ('issubclass(b, A)', lambda: issubclass(b, A)),
    ('issubclass(b, 5)', lambda: issubclass(b, 5)),
    ('isinstance(b)', lambda: isinstance(b)),
    ('issubclass(B, A, A)', lambda: issubclass(B, A, A)),
]
for text, call in calls:
    try:
        print(text, call())
    except TypeError as e:
        print(text, 'TypeError:', e)
`,
  'each nested tuple is one recursion level': `import sys
class A:
    pass
def nest(depth):
    t = A
    for i in range(depth):
        t = (t,)
    return t
for depth in (10, 500, 990, 1200):
    t = nest(depth)
    for check in (lambda: isinstance(A(), t), lambda: issubclass(A, t), lambda: isinstance(1, t)):
        try:
            print(depth, check())
        except RecursionError as e:
            print(depth, 'RecursionError:', e)
print(sys.getrefcount(A))
`,
};

/** Programs ending in an uncaught error: stdout, stderr (the traceback) and the exit status agree. */
export const CLASSINFO_FAILING: Record<string, string> = {
  'an uncaught bad classinfo ends the program with its traceback': `class A:
    pass
print(isinstance(A(), (A, 1)))
print(isinstance(A(), (int, 1)))
print('not reached')
`,
};
