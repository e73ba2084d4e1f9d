# User decorators returning a wrapper closure: the wrapper holds the decorated function in a cell.
import gc, sys
calls = []
def logged(func):
    def wrapper(x):
        calls.append(func.__name__)
        return func(x)
    return wrapper
@logged
def double(x):
    return x * 2
print(double(4), calls, double.__name__, double.__qualname__)
print(len(double.__closure__), double.__closure__[0].cell_contents.__name__)
def counted(func):
    count = 0
    def wrapper(x):
        nonlocal count
        count += 1
        print(f'{func.__name__} call {count}')
        return func(x)
    return wrapper
@counted
def sq(x):
    return x * x
print(sq(3), sq(4))
gc.collect()
print(gc.get_count())
