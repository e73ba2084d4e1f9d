import gc, sys
gc.collect()
def plain(a, b=1):
    return a
print(gc.get_count(), plain.__annotations__, gc.get_count())
def strs(a: 'int', b: 'list' = []) -> 'str':
    return a
def mixed(a: int, b: 'x', c=None) -> None:
    pass
print(gc.get_count(), sys.getrefcount(strs))
s1 = strs.__annotations__
print(s1, gc.get_count())
def twice(a: 'int') -> 'str':
    pass
def again(a: 'int') -> 'str':
    pass
print(sys.getrefcount(twice.__annotations__), twice.__annotations__ == again.__annotations__)
print(mixed.__annotations__)
