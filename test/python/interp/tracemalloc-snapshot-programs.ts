/**
 * Programs taking tracemalloc snapshots, compared with python3 (tracemalloc-snapshot.test.ts,
 * with the standard library's directory masked): what compare_to and statistics print depends on
 * the line and size of every traced block, including what Lib/tracemalloc.py's own code leaves
 * traced at its lines 560, 423 and 313 and the free-list shells the trace tuples take.
 */
import { readFileSync } from 'fs';
import path from 'path';

export const SNAPSHOT_PROGRAMS: Record<string, string> = {
  'two snapshots around a list and a dict, compare_to and statistics by line': `import tracemalloc
tracemalloc.start()
before = tracemalloc.take_snapshot()
data = [i * 1000 for i in range(3000)]
names = {str(i): i for i in range(50)}
after = tracemalloc.take_snapshot()
for stat in after.compare_to(before, 'lineno'):
    print(stat)
print(repr(after.compare_to(before, 'lineno')[0]))
for stat in after.statistics('lineno'):
    print(stat)
print(repr(after.statistics('traceback')[-1]))
`,
  'a list deleted between snapshots: negative differences, statistics by file': `import tracemalloc
tracemalloc.start()
data = [str(i) * 10 for i in range(200)]
first = tracemalloc.take_snapshot()
del data
kept = [(i, i + 1000) for i in range(100)]
second = tracemalloc.take_snapshot()
for stat in second.compare_to(first, 'lineno'):
    print(stat)
for stat in second.statistics('filename'):
    print(stat)
print(second.traceback_limit, len(second.compare_to(first, 'filename', True)))
`,
  'three snapshots: each Snapshot smaller than the last, the call tuples new once the free lists are empty': `import tracemalloc
tracemalloc.start()
a = tracemalloc.get_traced_memory()[0]
b = tracemalloc.get_traced_memory()[0]
s1 = tracemalloc.take_snapshot()
c = tracemalloc.get_traced_memory()[0]
s2 = tracemalloc.take_snapshot()
d = tracemalloc.get_traced_memory()[0]
s3 = tracemalloc.take_snapshot()
e = tracemalloc.get_traced_memory()[0]
print(a, b, c, d, e)
for stat in s3.compare_to(s1, 'lineno'):
    print(stat)
for stat in s3.statistics('lineno')[:3]:
    print(stat.size, stat.count, stat.traceback)
`,
  "the documentation's top-10 statistics over instances with and without __slots__, made in a function": `import tracemalloc

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class SlotPoint:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y

def make(cls, n):
    return [cls(i, i * 2) for i in range(n)]

tracemalloc.start()
points = make(Point, 1000)
slots = make(SlotPoint, 1000)
snapshot = tracemalloc.take_snapshot()
top_stats = snapshot.statistics('lineno')
print("[ Top 10 ]")
for stat in top_stats[:10]:
    print(stat)
total = sum(stat.size for stat in top_stats)
print(f"Total allocated size: {total / 1024:.1f} KiB")
`,
  'a generator and f-strings between snapshots, compared by file then by line': `import tracemalloc
tracemalloc.start()
snap = tracemalloc.take_snapshot()
def gen(n):
    for i in range(n):
        yield i * 1000
squares = list(gen(2000))
words = [f"word{i}" for i in range(300)]
snap2 = tracemalloc.take_snapshot()
stats = snap2.compare_to(snap, 'filename')
for s in stats:
    print(s)
for s in snap2.compare_to(snap, 'lineno')[:5]:
    print(s.traceback, s.size_diff, s.count_diff)
`,
  // The corpus lesson (test/corpus/teaching/) as published, at a smaller size.
  'the corpus lesson at a smaller size: a comprehension, current and peak in MB': readFileSync(
    path.join(__dirname, '../../corpus/teaching/romanzdk-tracemalloc-1.py'),
    'utf8',
  ).replace('range(1_000_000)', 'range(5_000)'),
};
