/**
 * The messages between the grader and a sandboxed child, kept in one small module that the child
 * bundle can include without pulling in anything else of the grader.
 */

/** The global a submission bundle assigns: `{ student, observe }`. */
export const BUNDLE_GLOBAL = '__pymemlab_submission';

export type ToChild =
  | { readonly type: 'load'; readonly code: string }
  | { readonly type: 'observe'; readonly id: number; readonly check: string; readonly operations: unknown };

export type FromChild =
  | { readonly type: 'loaded' }
  /** The observation as JSON text: parsing it in the grader is what makes it plain data. */
  | { readonly type: 'observation'; readonly id: number; readonly json: string }
  | { readonly type: 'error'; readonly id: number | null; readonly message: string };
