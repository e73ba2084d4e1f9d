/**
 * The checks of exercise 3: a heap left by random operations with the collector off, the student's
 * leaks judged against reachableFromRoots (core/invariants/heap.ts) and against the heap's edges.
 */
import fc from 'fast-check';
import { Runtime } from '../../core/runtime';
import { listAppend, newList } from '../../core/objects/list';
import { takeSnapshot, type HeapSnapshot } from '../../core/snapshot';
import { reachableFromRoots } from '../../core/invariants/heap';
import { heapText } from '../heap-text';
import { studentExport } from '../student-exports';
import { anyCheck, type ExerciseCheck, type Mismatch } from '../types';
import type { FindLeaks, Heap, Leak } from './api';

/**
 * A program that builds a graph of lists in a frame's locals, links them, and then deletes the
 * locals of the unrooted ones: reference counting frees what no cycle holds, the rest leaks.
 */
export interface LeakProgram {
  readonly size: number;
  /** `x{from}.append(x{to})`, in order. */
  readonly edges: readonly (readonly [number, number])[];
  /** Whether each local survives the `del`s (a root). */
  readonly rooted: readonly boolean[];
}

const MAX_LISTS = 8;

export const leakProgramArb: fc.Arbitrary<LeakProgram> = fc.integer({ min: 1, max: MAX_LISTS }).chain((size) =>
  fc.record({
    size: fc.constant(size),
    edges: fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 2 * size }),
    rooted: fc.array(fc.boolean(), { minLength: size, maxLength: size }),
  }),
);

/** The heap the program leaves, with automatic collection switched off. */
export interface LeakyHeap {
  readonly snapshot: HeapSnapshot;
  /** Ids below this are the interpreter's own. */
  readonly firstId: number;
}

export function leakyHeap(program: LeakProgram): LeakyHeap {
  const rt = new Runtime();
  rt.gc.generations[0].threshold = 0;
  const frame = rt.pushFrame(
    '<module>',
    Array.from({ length: program.size }, (_, i) => `x${i}`),
  );
  const firstId = rt.peekNextId();
  const lists = Array.from({ length: program.size }, (_, i) => {
    const list = newList(rt, []);
    frame.setLocal(rt, i, list);
    return list;
  });
  for (const [from, to] of program.edges) listAppend(rt, lists[from], lists[to]);
  program.rooted.forEach((rooted, i) => {
    if (!rooted) frame.setLocal(rt, i, null);
  });
  return { snapshot: takeSnapshot(rt), firstId };
}

/** The program as the student reads it. */
export function describeLeakProgram(program: LeakProgram): string[] {
  return [
    ...Array.from({ length: program.size }, (_, i) => `x${i} = []`),
    ...program.edges.map(([from, to]) => `x${from}.append(x${to})`),
    ...program.rooted.flatMap((rooted, i) => (rooted ? [] : [`del x${i}`])),
    'findLeaks(heap)',
  ];
}

/** The heap as the student's API describes it. */
function studentHeap(s: HeapSnapshot): Heap {
  return {
    objects: s.objects.map((o) => ({ id: o.id, type: o.type, refcnt: o.refcnt, referents: o.referents })),
    roots: s.roots.map((r) => ({ where: r.where, target: r.target })),
  };
}

/** The leaks as plain data, whatever the student's function returned (shape checked in judge). */
function observeLeaks(findLeaks: FindLeaks, heap: Heap, realm: { data<T>(v: T): T }): unknown {
  return JSON.parse(JSON.stringify(findLeaks(realm.data(heap)) ?? null)) as unknown;
}

function isLeakList(value: unknown): value is Leak[] {
  return (
    Array.isArray(value) &&
    value.every(
      (l: unknown) =>
        typeof l === 'object' &&
        l !== null &&
        typeof (l as Leak).id === 'number' &&
        Array.isArray((l as Leak).cycle) &&
        (l as Leak).cycle.every((c) => typeof c === 'number'),
    )
  );
}

const ids = (list: Iterable<number>): string => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length === 0 ? '(none)' : sorted.map((id) => `#${id}`).join(' ');
};

/** finds-every-leak: the ids are exactly the unreachable objects. */
function judgeLeakSet(observed: Leak[], heap: LeakyHeap): Mismatch | null {
  const reachable = reachableFromRoots(heap.snapshot);
  const leaked = heap.snapshot.objects.filter((o) => !reachable.has(o.id)).map((o) => o.id);
  const got = new Set(observed.map((l) => l.id));
  if (got.size === observed.length && leaked.length === got.size && leaked.every((id) => got.has(id))) return null;
  const missing = leaked.filter((id) => !got.has(id));
  const extra = [...got].filter((id) => !leaked.includes(id));
  const twice = observed.length !== got.size ? ' (some ids are listed twice)' : '';
  return {
    step: null,
    message: `the leaked objects differ: missing ${ids(missing)}, not leaked but listed ${ids(extra)}${twice}`,
    expected: ids(leaked),
    observed: ids(observed.map((l) => l.id)),
    heap: heapText(heap.snapshot, heap.firstId),
  };
}

/** What is wrong with `leak.cycle`, or null when it is a real cycle of leaked objects reaching the leak. */
function cycleProblem(leak: Leak, heap: LeakyHeap, leaked: Set<number>): string | null {
  const objects = new Map(heap.snapshot.objects.map((o) => [o.id, o]));
  const cycle = leak.cycle;
  if (cycle.length === 0) return 'the cycle is empty';
  for (let i = 0; i < cycle.length; i++) {
    const from = cycle[i];
    const to = cycle[(i + 1) % cycle.length];
    if (!leaked.has(from)) return `#${from} of the cycle is not a leaked object`;
    if (!objects.get(from)!.referents.includes(to)) return `#${from} does not reference #${to}`;
  }
  const seen = new Set<number>(cycle);
  const stack = [...cycle];
  while (stack.length > 0)
    for (const r of objects.get(stack.pop()!)!.referents)
      if (!seen.has(r)) {
        seen.add(r);
        stack.push(r);
      }
  return seen.has(leak.id) ? null : `#${leak.id} is not reachable from that cycle`;
}

/** names-the-cycle: every cycle given is real and holds its leak. */
function judgeCycles(observed: Leak[], heap: LeakyHeap): Mismatch | null {
  const reachable = reachableFromRoots(heap.snapshot);
  const leaked = new Set(heap.snapshot.objects.filter((o) => !reachable.has(o.id)).map((o) => o.id));
  for (const leak of observed) {
    if (!leaked.has(leak.id)) continue;
    const problem = cycleProblem(leak, heap, leaked);
    if (problem !== null)
      return {
        step: null,
        message: `the cycle given for #${leak.id} is wrong: ${problem}`,
        expected: `a cycle of leaked objects, each referencing the next, from which #${leak.id} is reachable`,
        observed: `#${leak.id} held by cycle ${leak.cycle.map((c) => `#${c}`).join(' -> ')}`,
        heap: heapText(heap.snapshot, heap.firstId),
      };
  }
  return null;
}

function leakCheck(
  name: string,
  numRuns: number,
  judge: (observed: Leak[], heap: LeakyHeap) => Mismatch | null,
): ExerciseCheck {
  return anyCheck<LeakProgram, unknown, LeakyHeap>({
    name,
    arbitrary: leakProgramArb,
    numRuns,
    observe: (student, program) =>
      observeLeaks(
        studentExport<FindLeaks>(student, 'findLeaks', 'function'),
        studentHeap(leakyHeap(program).snapshot),
        student.realm,
      ),
    expect: leakyHeap,
    judge: (_program, observed, heap) => {
      if (!isLeakList(observed))
        return {
          step: null,
          message: 'findLeaks must return an array of { id, cycle } with numeric ids',
          expected: '[{ id: 12, cycle: [12, 13] }, ...]',
          observed: JSON.stringify(observed)?.slice(0, 200) ?? 'undefined',
        };
      return judge(observed, heap);
    },
    describe: describeLeakProgram,
  });
}

export const CHECKS: readonly ExerciseCheck[] = [
  leakCheck('finds-every-leak', 60, judgeLeakSet),
  leakCheck('names-the-cycle', 60, judgeCycles),
  leakCheck('large-heaps', 300, (observed, heap) => judgeLeakSet(observed, heap) ?? judgeCycles(observed, heap)),
];
