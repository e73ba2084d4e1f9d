// Where an automatic collection runs depends on every GC allocation, even one freed at once:
// these programs make young collections run at the allocations that seed 13's program 1462 of
// `pymemlab fidelity` found missing (the bound `__sizeof__` of sys.getsizeof, the thread state's
// dict and list Py_ReprEnter makes for an empty dict's repr; seed 14's program 223: the list of
// keys set_repr makes), compared with python3 byte for byte.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeWithCPython } from '../../support/cpython311';
import { expectSameStdout } from '../../support/run-cpython';

const probe = (name: string): string => readFileSync(path.join(__dirname, '../../../docs/probes', name), 'utf8');

const PROGRAMS: Record<string, string> = {
  'sys.getsizeof binds __sizeof__ (probe)': probe('q8_getsizeof_method.py'),
  "Py_ReprEnter's first use, by an empty dict (probe)": probe('q8_repr_enter.py'),
  "set_repr's list of keys (probe)": probe('q8_set_repr.py'),
  // counting the keys list, print(s) runs a young collection that moves a0 beside c0 into
  // generation 1; without it a0 stays young, and the exit's full collection (which merges
  // generation 0 ahead of 1) finalizes a0 before c0
  'seed 14, program 223, as the tool shrank it': `import gc, sys, weakref
gc.collect()
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
def gccb(phase, info):
    print('gc', phase, info['generation'], info['collected'], info['uncollectable'])
c = A('c0')
s = {0}
gc.set_threshold(2)
gc.callbacks.append(gccb)
gq = {'k': [[]]}
gq = []
gc.callbacks.clear()
a = A('a0')
print(s, sys.getrefcount(s))
gc.set_threshold(700)
`,
  'seed 13, program 1462, shrunk by hand': `import gc, sys
class A:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print('del', self.name)
def h():
    lo = A('lo')
    print(pd, sys.getrefcount(pd))
pd = {}
gc.collect()
L = [(pd, A('o9'))]
young = [[] for i in range(12)]
gc.set_threshold(10, 2, 2)
n = sys.getsizeof(L)
L[0] = pd,
for i in range(6):
    h()
    print([], 'mark', gc.get_count())
gc.set_threshold(700)
`,
};

describeWithCPython('automatic collections at transient and first-use allocations, compared with python3', () => {
  test.each(Object.entries(PROGRAMS))('%s', (name, source) => {
    expectSameStdout(name, source);
  });
});
