/**
 * Heap operations as plain data, and how each is carried out on a runtime.
 *
 * An operation names objects through slots: a few module globals and the locals of the innermost
 * frame. Indices are taken modulo what exists, so every generated sequence is valid and shrinks
 * well; an operation whose slot is empty does nothing. Plain data travels to a sandboxed
 * submission and back as JSON, and a failing sequence prints as a readable program.
 */
/** What `alloc` can make: containers, atoms, and instances whose finalizer does nothing, resurrects, or is legacy. */
export const ALLOC_KINDS = [
  'list',
  'tuple',
  'dict',
  'set',
  'instance',
  'finalizer',
  'resurrector',
  'legacy',
  'int',
] as const;
export type AllocKind = (typeof ALLOC_KINDS)[number];

/** What a `cycle` can be made of: kinds that hold a reference in field 0 after they exist. */
export const RING_KINDS = ['list', 'dict', 'instance', 'finalizer', 'resurrector', 'legacy'] as const;
export type RingKind = (typeof RING_KINDS)[number];

export type Slot = { readonly scope: 'global' | 'local'; readonly index: number };

export type HeapOp =
  | { readonly op: 'alloc'; readonly kind: AllocKind; readonly into: Slot; readonly items: readonly Slot[] }
  | { readonly op: 'bind'; readonly from: Slot; readonly into: Slot }
  | { readonly op: 'unbind'; readonly slot: Slot }
  | { readonly op: 'setField'; readonly container: Slot; readonly field: number; readonly value: Slot }
  | { readonly op: 'delField'; readonly container: Slot; readonly field: number }
  | { readonly op: 'weakref'; readonly target: Slot; readonly callback: boolean; readonly into: Slot }
  | { readonly op: 'pushFrame' }
  | { readonly op: 'popFrame' }
  | { readonly op: 'cycle'; readonly kinds: readonly RingKind[]; readonly into: Slot }
  | { readonly op: 'collect'; readonly generation: number }
  | {
      readonly op: 'setThreshold';
      readonly threshold0: number;
      readonly threshold1?: number;
      readonly threshold2?: number;
    }
  | { readonly op: 'dropResurrected' }
  | { readonly op: 'freeze' }
  | { readonly op: 'unfreeze' };

/** Globals and locals per frame the operations can name. */
export const GLOBAL_SLOTS = 4;
export const LOCAL_SLOTS = 3;
/** How deep frames go. */
export const MAX_FRAMES = 3;

function slotName(slot: Slot): string {
  return slot.scope === 'global' ? `g${slot.index}` : `l${slot.index}`;
}

/** An operation as a line of pseudo-Python, for counterexamples. */
export function opToString(op: HeapOp): string {
  switch (op.op) {
    case 'alloc':
      return `${slotName(op.into)} = ${op.kind}(${op.items.map(slotName).join(', ')})`;
    case 'bind':
      return `${slotName(op.into)} = ${slotName(op.from)}`;
    case 'unbind':
      return `del ${slotName(op.slot)}`;
    case 'setField':
      return `${slotName(op.container)}[${op.field}] = ${slotName(op.value)}`;
    case 'delField':
      return `del ${slotName(op.container)}[${op.field}]`;
    case 'weakref':
      return `${slotName(op.into)} = weakref.ref(${slotName(op.target)}${op.callback ? ', callback' : ''})`;
    case 'pushFrame':
      return 'call()';
    case 'popFrame':
      return 'return';
    case 'cycle':
      return `${slotName(op.into)} = cycle(${op.kinds.join(', ')})`;
    case 'collect':
      return `gc.collect(${op.generation})`;
    case 'setThreshold':
      return `gc.set_threshold(${[op.threshold0, op.threshold1, op.threshold2].filter((t) => t !== undefined).join(', ')})`;
    case 'dropResurrected':
      return 'resurrected.clear()';
    case 'freeze':
      return 'gc.freeze()';
    case 'unfreeze':
      return 'gc.unfreeze()';
  }
}
