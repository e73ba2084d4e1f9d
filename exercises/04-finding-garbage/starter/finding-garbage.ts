// Exercise 4: finding garbage. Read README.md first; `pymemlab hint 04` when stuck.
import type {
  CreateFindingGarbage,
  GcApi,
  GcRefs,
  ObjectId,
  Partition,
} from 'pymemlab/exercises/04-finding-garbage/api';

export const createFindingGarbage: CreateFindingGarbage = (api: GcApi) => ({
  updateRefs(members: readonly ObjectId[]): GcRefs {
    // TODO: copy each member's refcount into its gc_refs.
    void api;
    void members;
    return new Map();
  },

  subtractRefs(members: readonly ObjectId[], gcRefs: GcRefs): void {
    // TODO: for every reference from one member to another member, subtract one from the target's gc_refs.
    void members;
    void gcRefs;
  },

  moveUnreachable(members: readonly ObjectId[], gcRefs: GcRefs): Partition {
    // TODO: scan the list as move_unreachable does; for now everything is called reachable.
    void gcRefs;
    return { reachable: [...members], unreachable: [] };
  },
});
