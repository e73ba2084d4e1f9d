# Q3: objects kept in gc.garbage at shutdown, and DEBUG_SAVEALL at shutdown.
# argv[1]: 'garbage' -> gc.garbage.append(x); 'saveall' -> gc.set_debug(DEBUG_SAVEALL)
#          'callbacks' -> gc.callbacks holds a function defined in __main__
import gc, sys
class A:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)
x = A("x")
y = A("y")
mode = sys.argv[1] if len(sys.argv) > 1 else ''
if mode == 'garbage':
    gc.garbage.append(x)
elif mode == 'saveall':
    gc.set_debug(gc.DEBUG_SAVEALL)
elif mode == 'callbacks':
    def cb(phase, info): pass
    gc.callbacks.append(cb)
print("end of script, mode", repr(mode))
