/**
 * The student API of exercise 3 (`pymemlab/exercises/03-why-refcounting-leaks/api`): the only
 * module your leaks.ts may import. Types only: your function receives a heap as plain data.
 */

/** An object of the simulated heap, by its id. */
export type ObjectId = number;

/** One live object, as a heap snapshot shows it. */
export interface HeapObject {
  readonly id: ObjectId;
  readonly type: string;
  /** ob_refcnt: always > 0 for a live object. */
  readonly refcnt: number;
  /** The objects it holds strong references to. */
  readonly referents: readonly ObjectId[];
}

/** What holds objects from outside the heap: frames' locals and the interpreter itself. */
export interface Root {
  readonly where: string;
  readonly target: ObjectId;
}

/** Every live object and every root, after a program ran with the cycle collector switched off. */
export interface Heap {
  readonly objects: readonly HeapObject[];
  readonly roots: readonly Root[];
}

/** A leaked object and a cycle that keeps it alive (ids in reference order: each holds the next, the last holds the first). */
export interface Leak {
  readonly id: ObjectId;
  readonly cycle: readonly ObjectId[];
}

/** What leaks.ts exports. */
export type FindLeaks = (heap: Heap) => Leak[];
