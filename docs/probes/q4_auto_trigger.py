# Q4: which allocation triggers an automatic collection after set_threshold(N).
# The callback only appends small ints to a pre-existing list (no GC allocation).
import gc
hits = []
i = 0
def cb(phase, info):
    if phase == 'start':
        hits.append(i)
        hits.append(info['generation'])
keep = []
for N in (5, 10, 100):
    del hits[:]
    gc.collect()
    gc.set_threshold(N)
    gc.callbacks.append(cb)
    for i in range(1, 3 * N + 5):
        keep.append([])             # exactly one new GC object per iteration
    gc.callbacks.remove(cb)
    gc.set_threshold(700)
    pairs = [(hits[j], hits[j + 1]) for j in range(0, len(hits), 2)]
    print("threshold", N, "-> collections at (iteration, generation):", pairs)
    del keep[:]
# count0 right after the triggering allocation, and generation escalation
gc.collect()
gc.set_threshold(4, 2, 2)           # the set_threshold args tuple makes count0 = 1
gens = []
def cb2(phase, info):
    if phase == 'start':
        gens.append(info['generation'])
gc.callbacks.append(cb2)
for i in range(1, 80):
    keep.append([])
gc.callbacks.remove(cb2)
gc.set_threshold(700, 10, 10)
print("threshold (4,2,2) generations collected in order:", gens)
print("final get_count():", gc.get_count())
