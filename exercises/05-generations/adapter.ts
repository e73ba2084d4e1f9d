/**
 * Trusted: the student's generation bookkeeping as the core's components: updateCounts,
 * mergeYounger and promoteSurvivors as collector stages, collectGenerations as the scheduler. The
 * student sees generation numbers and counts, never a list or an object.
 */
import type { CheckComponents } from '../../core/checks/check';
import type { GcState } from '../../core/gc/state';
import type { Runtime } from '../../core/runtime';
import { gcListMerge, gcListSize } from '../../core/gc/gclist';
import { collectWithCallback } from '../../core/gc/gcmodule';
import type { LoadedStudent } from '../sandbox';
import { studentExport } from '../student-exports';
import type { CreateGenerations, Generations, GenerationsApi } from './api';

/** The student's generations, bound to the runtime the components are built for. */
export function studentGenerations(student: LoadedStudent): CheckComponents {
  const create = studentExport<CreateGenerations>(student, 'createGenerations', 'function');
  let runtime: Runtime | null = null;
  const rt = (): Runtime => {
    if (runtime === null) throw new Error('the collector is not running yet');
    return runtime;
  };
  const gc = (): GcState => rt().gc;
  const gen = (g: number) => {
    const generation = gc().generations[Number(g)];
    if (generation === undefined) throw new Error(`there is no generation ${g} (there are 0, 1 and 2)`);
    return generation;
  };
  const whole = (what: string, value: number): number => {
    if (!Number.isInteger(value) || value < 0) throw new Error(`${what} must be a whole number >= 0, got ${value}`);
    return value;
  };
  const api = student.realm.api<GenerationsApi>({
    count: (g: number) => gen(g).count,
    setCount: (g: number, value: number) => void (gen(g).count = whole('a count', value)),
    threshold: (g: number) => gen(g).threshold,
    size: (g: number) => gcListSize(gen(g).head),
    merge: (from: number, to: number) => gcListMerge(gen(from).head, gen(to).head),
    longLivedPending: () => gc().longLivedPending,
    setLongLivedPending: (value: number) => void (gc().longLivedPending = whole('long_lived_pending', value)),
    longLivedTotal: () => gc().longLivedTotal,
    setLongLivedTotal: (value: number) => void (gc().longLivedTotal = whole('long_lived_total', value)),
    collect: (g: number) => (gen(g), collectWithCallback(rt(), Number(g))),
  });
  let impl: Generations | null = null;
  const generations = (): Generations => (impl ??= create(api));
  return {
    scheduler: (r) => {
      runtime = r;
      generations();
      return { collectGenerations: () => Number(generations().collectGenerations()) };
    },
    stages: {
      updateCounts: (_gc, g) => generations().updateCounts(g),
      mergeYounger: (_gc, g) => generations().mergeYounger(g),
      promoteSurvivors: (state, g, young, old) => {
        if (young !== state.generations[g].head || (old !== young && old !== state.generations[g + 1]?.head))
          throw new Error(`promoteSurvivors(${g}) called with lists that are not generation ${g} and the next`);
        generations().promoteSurvivors(g);
      },
    },
  };
}
