/**
 * The checks of exercise 9: the student's sizes against the reference (core/sizes.ts, on classes
 * and lists made by the reference runtime) and against the values python3 measured
 * (python3-sizes.json, made by measure-sizes.py; test/exercises re-measures them).
 */
import fc from 'fast-check';
import { readFileSync } from 'fs';
import { Runtime } from '../../core/runtime';
import { classType, newClass } from '../../core/objects/classobject';
import { listAppend, newList } from '../../core/objects/list';
import { getsizeof, instanceSize as referenceInstanceSize } from '../../core/sizes';
import type { LoadedStudent } from '../sandbox';
import { studentExport } from '../student-exports';
import { anyCheck, type ExerciseCheck, type Mismatch } from '../types';
import type { InstanceLayout, InstanceSize, ListResize, ListSize } from './api';
import { kitPath } from '../../core/kit-root';

/** What python3 measured (measure-sizes.py). */
export interface Python3Sizes {
  readonly python: string;
  readonly instances: readonly { readonly slots: number; readonly weakref: boolean; readonly size: number }[];
  readonly plain_instance: number;
  readonly list_after_appends: readonly number[];
}

export function python3Sizes(): Python3Sizes {
  return JSON.parse(
    readFileSync(kitPath('exercises', '09-memory-optimisation', 'python3-sizes.json'), 'utf8'),
  ) as Python3Sizes;
}

const layoutText = (l: InstanceLayout): string =>
  l.slots === null ? 'class C: pass' : `class C: __slots__ = ${l.slots} names${l.weakref ? " + '__weakref__'" : ''}`;

/** The reference: a class made by the reference runtime, sized by core/sizes.ts. */
function referenceInstance(layout: InstanceLayout): number {
  const rt = new Runtime();
  const names = Array.from({ length: layout.slots ?? 0 }, (_, i) => `s${i}`);
  const slots = layout.slots === null ? null : [...names, ...(layout.weakref ? ['__weakref__'] : [])];
  const cls = newClass(rt, { name: 'C', base: null, namespace: [], slots, bases: null });
  return referenceInstanceSize(rt.profile, classType(cls));
}

/** The reference: sys.getsizeof of a reference list after each of `appends` appends. */
function referenceListSizes(appends: number): number[] {
  const rt = new Runtime();
  const list = newList(rt, []);
  return Array.from({ length: appends }, () => {
    listAppend(rt, list, rt.None);
    return getsizeof(rt.profile, list);
  });
}

function studentInstanceSizes(student: LoadedStudent, layouts: readonly InstanceLayout[]): number[] {
  const size = studentExport<InstanceSize>(student, 'instanceSize', 'function');
  return layouts.map((l) => Number(size(student.realm.data(l))));
}

function studentListSizes(student: LoadedStudent, appends: number): number[] {
  const resize = studentExport<ListResize>(student, 'listResize', 'function');
  const size = studentExport<ListSize>(student, 'listSize', 'function');
  let allocated = 0;
  return Array.from({ length: appends }, (_, i) => {
    allocated = Number(resize(allocated, i + 1));
    return Number(size(allocated));
  });
}

/** The first position where two size lists differ, as a mismatch. */
function firstDifference(
  got: readonly number[],
  want: readonly number[],
  what: (i: number) => string,
): Mismatch | null {
  const i = want.findIndex((w, k) => got[k] !== w);
  if (i < 0) return null;
  return { step: i + 1, message: `${what(i)}: wrong size`, expected: `${want[i]} bytes`, observed: `${got[i]} bytes` };
}

const layoutArb: fc.Arbitrary<InstanceLayout> = fc.record({
  slots: fc.option(fc.nat(24), { nil: null }),
  weakref: fc.boolean(),
});

const instanceCheck = anyCheck<InstanceLayout[], number[], number[]>({
  name: 'instance-sizes',
  arbitrary: fc.array(layoutArb, { minLength: 1, maxLength: 8 }),
  numRuns: 40,
  observe: studentInstanceSizes,
  expect: (layouts) => layouts.map(referenceInstance),
  judge: (layouts, got, want) => firstDifference(got, want, (i) => `sys.getsizeof(C()) for ${layoutText(layouts[i])}`),
  describe: (layouts) => layouts.map((l) => `${layoutText(l)}; sys.getsizeof(C())`),
});

const listCheck = anyCheck<number, number[], number[]>({
  name: 'list-growth',
  arbitrary: fc.integer({ min: 1, max: 300 }),
  numRuns: 30,
  observe: studentListSizes,
  expect: referenceListSizes,
  judge: (_n, got, want) => firstDifference(got, want, (i) => `sys.getsizeof(lst) after append number ${i + 1}`),
  describe: (n) => ['lst = []', ...Array.from({ length: n }, (_, i) => `lst.append(${i}); sys.getsizeof(lst)`)],
});

/** Every size python3 measured: the slotted layouts, the plain class, then the list appends. */
interface Measured {
  readonly layouts: InstanceLayout[];
  readonly appends: number;
}

const python3Check = anyCheck<Measured, number[], number[]>({
  name: 'matches-python3',
  arbitrary: fc.constant(null).map(() => {
    const m = python3Sizes();
    return {
      layouts: [...m.instances.map((i) => ({ slots: i.slots, weakref: i.weakref })), { slots: null, weakref: true }],
      appends: m.list_after_appends.length,
    };
  }),
  numRuns: 1,
  observe: (student, m) => [...studentInstanceSizes(student, m.layouts), ...studentListSizes(student, m.appends)],
  expect: () => {
    const m = python3Sizes();
    return [...m.instances.map((i) => i.size), m.plain_instance, ...m.list_after_appends];
  },
  judge: (m, got, want) =>
    firstDifference(got, want, (i) =>
      i < m.layouts.length
        ? `python3: sys.getsizeof(C()) for ${layoutText(m.layouts[i])}`
        : `python3: sys.getsizeof(lst) after append number ${i - m.layouts.length + 1}`,
    ),
  describe: (m) => [
    ...m.layouts.map((l) => `${layoutText(l)}; sys.getsizeof(C())`),
    `lst = []; ${m.appends} times: lst.append(i); sys.getsizeof(lst)`,
  ],
});

export const CHECKS: readonly ExerciseCheck[] = [instanceCheck, listCheck, python3Check];
