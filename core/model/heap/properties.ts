/**
 * The heap property: whatever operations run, every invariant holds after each one. Takes the
 * components under test, so the same property checks the reference, a student's submission, or a
 * deliberately broken copy.
 */
import fc from 'fast-check';
import type { RuntimeOptions } from '../../runtime';
import { HEAP_INVARIANTS, type InvariantName } from '../../invariants/heap';
import { HeapObserver } from '../../snapshot';
import { HeapWorld } from './world';
import { type HeapModel, heapCommandsArb } from './commands';

export const ALL_HEAP_INVARIANTS = Object.keys(HEAP_INVARIANTS) as InvariantName[];

export function heapInvariantsProperty(
  options: RuntimeOptions = {},
  invariants: readonly InvariantName[] = ALL_HEAP_INVARIANTS,
  maxCommands = 40,
): fc.IProperty<[Iterable<fc.Command<HeapModel, HeapWorld>>]> {
  return fc.property(heapCommandsArb(maxCommands), (cmds) => {
    const setup = () => {
      const world = new HeapWorld(options);
      const observer = new HeapObserver(world.rt);
      const model: HeapModel = { observer, last: observer.snapshot(), invariants };
      return { model, real: world };
    };
    fc.modelRun(setup, cmds);
  });
}
