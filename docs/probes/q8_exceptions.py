# Q8: what an exception holds while handled and after: the handler name deleted at the end, the
# traceback keeping frames and their locals alive, a kept exception making a cycle through a frame.
import gc, sys

class Big:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)

def work(name):
    data = Big(name)
    raise ValueError('failed ' + name)

# 1. the handler's name is deleted at the end: the traceback and its frames go at once
try:
    work('a')
except ValueError as e:
    print('handling', e)
print('after handler a')

# 2. keeping the exception keeps the traceback, its frames and their locals alive
try:
    work('b')
except ValueError as e:
    kept = e
print('kept:', kept, type(kept.__traceback__).__name__ if False else 'tb')
tb = kept.__traceback__
print(tb.tb_lineno, tb.tb_next.tb_lineno)
del tb
del kept
print('after del kept')

# 3. storing the exception in a local of the frame it passed through makes a cycle
def catcher():
    try:
        work('c')
    except ValueError as e:
        err = e
    return 'returned'
gc.collect()
print(catcher())
print('collect', gc.collect())

# 4. sys.exc_info-free: the exception is only alive during the handler
def count():
    try:
        raise KeyError('k')
    except KeyError:
        print('in handler', gc.get_count()[0] > 0)
count()
gc.collect()
print(gc.get_count())
