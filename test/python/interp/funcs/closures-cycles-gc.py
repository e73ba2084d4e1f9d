# Cycles through closures: function -> closure tuple -> cell -> function, freed only by the collector.
import gc


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('del', self.name)


gc.collect()
gc.disable()


def make_cycle():
    token = Tracked('held by the cell')
    def again(n):
        if n == 0:
            return token.name
        return again(n - 1)
    return again


f = make_cycle()
print(f(3))
del f
print('dropped the function')
print('collected', gc.collect())


def make_many(k):
    out = []
    for i in range(k):
        def me():
            return me
        out.append(me)
    return out


fs = make_many(3)
print(len(fs), fs[0]() is fs[2])
del fs
print('collected', gc.collect())


def self_referencing_list():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    items.append(add)
    return add


add = self_referencing_list()
print(add(1), add(2))
del add
print('collected', gc.collect())
gc.enable()
print(gc.get_count())
