# Q8: SystemExit (CPython 3.11): exit(), quit() and sys.exit() raise it; try/except catches it and
# `finally` runs; uncaught, it prints no traceback (a non-int code is printed on stderr, status 1),
# and it is released with its traceback (the frames' locals) before the atexit callbacks run.
import atexit, sys, gc
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def bye():
    print("atexit bye")
atexit.register(bye)
try:
    sys.exit(3)
except SystemExit as e:
    print("caught", e.args, e.code)
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.args, e.code)
try:
    exit()
except SystemExit as e:
    print("caught", e.args, e.code)
try:
    quit("message")
except SystemExit as e:
    print("caught", e.args, e.code, type(e).__name__)
try:
    sys.exit(1, 2)
except TypeError as e:
    print(e)
def f():
    local = A("local of f")
    try:
        sys.exit(2)
    finally:
        print("finally runs")
g = A("global")
gc.collect()
print("count", gc.get_count())
f()
print("not reached")
