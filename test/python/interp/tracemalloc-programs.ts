/**
 * Programs about tracemalloc, compared with python3 (tracemalloc.test.ts): each reads the traced
 * memory and its peak around lists, comprehensions, generators, dicts, ints and free lists, with
 * no print() between start or reset_peak and the read (print's passing allocations are not
 * modelled byte for byte: docs/fidelity.md), so every byte the simulator counts differently shows.
 */
export const TRACEMALLOC_PROGRAMS: Record<string, string> = {
  'a list against a generator, reset_peak, del, stop': `import tracemalloc
def squares_list(n):
    return [i * i for i in range(n)]
def squares_sum(n):
    return sum(i * i for i in range(n))
tracemalloc.start()
data = squares_list(5000)
current, peak = tracemalloc.get_traced_memory()
tracemalloc.reset_peak()
total = squares_sum(5000)
after = tracemalloc.get_traced_memory()
del data
gone = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(current, peak, after, gone, total)
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
`,
  'a dict growing, clear_traces, list() against a display': `import tracemalloc
tracemalloc.start()
d = {}
for k in range(12):
    d[k] = str(k) * 3
s1 = tracemalloc.get_traced_memory()
tracemalloc.clear_traces()
s3 = tracemalloc.get_traced_memory()
del d
s4 = tracemalloc.get_traced_memory()
lst = list(range(500))
lst2 = [x for x in lst if x % 2]
s5 = tracemalloc.get_traced_memory()
f = 1.5 * len(lst2)
s6 = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(s1, s3, s4, s5, s6)
`,
  'the docs example: sum of a large then a small temporary list': `import tracemalloc
tracemalloc.start()
large_sum = sum(list(range(100000)))
first_size, first_peak = tracemalloc.get_traced_memory()
tracemalloc.reset_peak()
small_sum = sum(list(range(1000)))
second_size, second_peak = tracemalloc.get_traced_memory()
print(f"{first_size=}, {first_peak=}")
print(f"{second_size=}, {second_peak=}")
`,
  'start with a traceback limit, start twice, errors': `import tracemalloc
tracemalloc.start(3)
tracemalloc.start(5)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
tracemalloc.stop()
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
try:
    tracemalloc.start(0)
except ValueError as e:
    print(e)
try:
    tracemalloc.start(1, 2)
except TypeError as e:
    print(e)
try:
    tracemalloc.start('x')
except TypeError as e:
    print(e)
try:
    tracemalloc.stop(1)
except TypeError as e:
    print(e)
`,
};
