/**
 * Allocator traces as plain data: what the allocator check generates, sends to a sandboxed
 * observer and prints in a counterexample. A handle names a live block by its index in the
 * client's live list (allocation order), modulo its length.
 */

/** One step of a trace. */
export type AllocOp =
  | { readonly op: 'malloc'; readonly nbytes: number }
  | { readonly op: 'free'; readonly handle: number }
  | { readonly op: 'realloc'; readonly handle: number; readonly nbytes: number }
  | { readonly op: 'mallocMany'; readonly count: number; readonly nbytes: number }
  | { readonly op: 'freeMany'; readonly start: number; readonly count: number; readonly stride: number };

/** A step as one readable line of a counterexample. */
export function allocOpToString(op: AllocOp): string {
  switch (op.op) {
    case 'malloc':
      return `malloc(${op.nbytes})`;
    case 'free':
      return `free(live[${op.handle} % n])`;
    case 'realloc':
      return `realloc(live[${op.handle} % n], ${op.nbytes})`;
    case 'mallocMany':
      return `mallocMany(${op.count}, ${op.nbytes})`;
    case 'freeMany':
      return `freeMany(live[${op.start} % n], ${op.count}, stride ${op.stride})`;
  }
}
