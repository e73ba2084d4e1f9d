/**
 * Runs a scenario on the reference core and narrates it: after each step, the objects the
 * program can name with their refcount, generation and referents, the gc counts, what was freed,
 * and any broken invariant.
 */
import type { Scenario } from '../core/model/heap/scenario';
import { HeapWorld } from '../core/model/heap/world';
import { opToString, type HeapOp } from '../core/model/heap/operations';
import { HeapObserver, type HeapSnapshot } from '../core/snapshot';
import { checkInvariants, type OperationView, reachableFromRoots } from '../core/invariants/heap';

export interface ScenarioResult {
  readonly steps: number;
  readonly violations: number;
}

function operationView(op: HeapOp): OperationView {
  return op.op === 'collect' ? { kind: 'collect', generation: op.generation } : { kind: 'other', name: op.op };
}

/**
 * The objects the scenario made, one line each. The str objects the world uses as the names of
 * globals are left out: they are bookkeeping, not part of the lesson.
 */
function describeHeap(s: HeapSnapshot, baseline: Set<number>): string[] {
  const gen = new Map<number, string>();
  s.generations.forEach((g, i) => g.members.forEach((id) => gen.set(id, i === 3 ? 'permanent' : `gen${i}`)));
  return s.objects
    .filter((o) => !baseline.has(o.id) && o.type !== 'str')
    .map((o) => {
      const where = o.tracked ? gen.get(o.id) : o.isGC ? 'untracked' : 'not GC';
      const refs = o.referents.filter((r) => !baseline.has(r));
      return `    #${o.id} ${o.type}  refcount=${o.refcnt}  ${where}${refs.length ? `  -> ${refs.map((r) => '#' + r).join(' ')}` : ''}`;
    });
}

export function runScenario(scenario: Scenario, print: (line: string) => void): ScenarioResult {
  const world = new HeapWorld();
  const observer = new HeapObserver(world.rt);
  let before = observer.snapshot();
  const baseline = new Set(before.objects.map((o) => o.id));
  let violations = 0;
  print(`== ${scenario.title}`);
  for (const line of scenario.comment.split('\n')) print(`   ${line}`);
  scenario.steps.forEach(({ op, note }, i) => {
    world.apply(op);
    const after = observer.snapshot();
    print(`\n[${i + 1}] ${opToString(op)}${note ? `    # ${note}` : ''}`);
    for (const line of describeHeap(after, baseline)) print(line);
    const counts = after.generations
      .slice(0, 3)
      .map((g) => g.count)
      .join(', ');
    const named = new Set(before.objects.filter((o) => o.type !== 'str').map((o) => o.id));
    const freed = after.freedSinceLast.filter((id) => !baseline.has(id) && named.has(id));
    print(`    gc counts: (${counts})${freed.length ? `  freed: ${freed.map((id) => '#' + id).join(' ')}` : ''}`);
    const reachable = reachableFromRoots(after);
    const unreachable = after.objects.filter((o) => !baseline.has(o.id) && !reachable.has(o.id));
    if (unreachable.length > 0)
      print(`    unreachable but alive (cyclic garbage): ${unreachable.map((o) => '#' + o.id).join(' ')}`);
    for (const v of checkInvariants(after, before, operationView(op))) {
      violations++;
      print(`    INVARIANT BROKEN [${v.invariant}] ${v.message}`);
    }
    before = after;
  });
  print('');
  observer.detach();
  return { steps: scenario.steps.length, violations };
}
