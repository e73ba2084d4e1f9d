/**
 * The checks of exercise 2: the core's refcounting check with the student's tp_dealloc of lists,
 * tuples and dicts (so `__del__` and weakref-callback order come out as CPython's); a deep nest of
 * lists, and one of lists, then tuples, then dicts, each freed with one Py_DECREF, which only a
 * trashcan in every container's tp_dealloc survives; and random Python programs printing on the
 * student's tp_dealloc as on the reference's.
 */
import fc from 'fast-check';
import { Runtime } from '../../core/runtime';
import { newList } from '../../core/objects/list';
import { newTuple } from '../../core/objects/tuple';
import { dictSetItem, newDict } from '../../core/objects/dict';
import type { PyObject } from '../../core/objects/pyobject';
import { REFCOUNTING_CHECK } from '../../core/checks/heap-checks';
import { fromCoreCheck, heapCheckText, VISIBLE_RUNS } from '../core-check';
import { pythonProgramsCheck } from '../python-programs';
import type { LoadedStudent } from '../sandbox';
import { errorText } from '../student-exports';
import { anyCheck, type ExerciseCheck } from '../types';
import { studentDeallocator } from './adapter';

/** What freeing a nest showed: how many of its containers were left alive, or the error. */
interface NestFreed {
  readonly leftAlive: number;
  readonly error: string | null;
}

/** The containers a nest is made of: `[x]`, `(x,)`, `{0: x}`. */
export type NestKind = 'list' | 'tuple' | 'dict';

/** A new container of `kind` holding `inner` (borrowed), as `[inner]`, `(inner,)` or `{0: inner}`. */
function wrap(rt: Runtime, kind: NestKind, inner: PyObject): PyObject {
  if (kind === 'list') return newList(rt, [inner]);
  if (kind === 'tuple') return newTuple(rt, [inner]);
  const dict = newDict(rt);
  const key = rt.int(0);
  dictSetItem(rt, dict, key, inner);
  rt.decref(key);
  return dict;
}

/**
 * The kind of level `level` of a nest `depth` deep made of `kinds` in equal runs, innermost first:
 * long runs, so that a container kind whose tp_dealloc lacks the trashcan recurses through a whole
 * run of its own (with the kinds interleaved, the others' trashcan would bound its recursion).
 */
function levelKind(kinds: readonly NestKind[], level: number, depth: number): NestKind {
  return kinds[Math.floor((level * kinds.length) / depth)]!;
}

/**
 * Build a nest `depth` deep (of `kinds` in runs, the innermost an empty list), drop the only
 * reference to the outermost container, count survivors. The cycle collector is off while the nest
 * is built: this check is about tp_dealloc, and the collections so many allocations would trigger
 * (each walking the whole nest) change nothing in what is freed but take most of the time.
 */
export function freeNest(
  depth: number,
  dealloc?: ReturnType<typeof studentDeallocator>,
  kinds: readonly NestKind[] = ['list'],
): NestFreed {
  const rt = new Runtime({ components: dealloc === undefined ? {} : { dealloc } });
  rt.gc.enabled = false;
  const before = rt.liveCount;
  let nest = newList(rt, []);
  for (let i = 1; i < depth; i++) {
    const outer = wrap(rt, levelKind(kinds, i, depth), nest);
    rt.decref(nest);
    nest = outer;
  }
  try {
    rt.decref(nest);
  } catch (error) {
    return { leftAlive: rt.liveCount - before, error: errorText(error) };
  }
  return { leftAlive: rt.liveCount - before, error: null };
}

const WRAPPED: Readonly<Record<NestKind, string>> = { list: '[nest]', tuple: '(nest,)', dict: '{0: nest}' };

/** How a nest `depth` deep of `kinds` is built in Python, for the report's steps. */
function nestSteps(depth: number, kinds: readonly NestKind[]): string[] {
  const runs = kinds.map((kind) => ({ kind, times: 0 }));
  for (let i = 1; i < depth; i++) runs.find((r) => r.kind === levelKind(kinds, i, depth))!.times++;
  return ['nest = []', ...runs.map((r) => `${r.times} times: nest = ${WRAPPED[r.kind]}`)];
}

function nestCheck(name: string, depth: number, kinds: readonly NestKind[]): ExerciseCheck {
  const what = kinds.length === 1 ? `${kinds[0]}s` : 'containers';
  const everyKind = kinds.length === 1 ? '' : ' in the dealloc of every kind of container';
  return anyCheck<number, NestFreed, NestFreed>({
    name,
    arbitrary: fc.constant(depth),
    numRuns: 1,
    observe: (student: LoadedStudent, d) => freeNest(d, studentDeallocator(student), kinds),
    // CPython frees every container of the nest (the reference does too; test/exercises shows it).
    expect: () => ({ leftAlive: 0, error: null }),
    judge: (d, observed) => {
      if (observed.error === null && observed.leftAlive === 0) return null;
      return {
        step: 2,
        message:
          observed.error !== null
            ? `freeing the nest failed (a recursion this deep overflows the stack: use a trashcan${everyKind})`
            : `${observed.leftAlive} of the ${d} ${what} are still alive after their last reference went`,
        expected: `every ${what.replace(/s$/, '')} freed, no error`,
        observed: observed.error ?? `${observed.leftAlive} ${what} alive`,
      };
    },
    describe: (d) => [nestSteps(d, kinds).join('; '), 'del nest'],
  });
}

export const CHECKS: readonly ExerciseCheck[] = [
  fromCoreCheck({
    name: 'dealloc-order',
    numRuns: VISIBLE_RUNS,
    check: REFCOUNTING_CHECK,
    components: (student: LoadedStudent) => ({ dealloc: studentDeallocator(student) }),
    heapOf: heapCheckText,
  }),
  nestCheck('deep-nest', 100_000, ['list']),
  nestCheck('mixed-deep-nest', 100_000, ['list', 'tuple', 'dict']),
  pythonProgramsCheck((student) => ({ dealloc: studentDeallocator(student) })),
];
