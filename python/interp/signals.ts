/** Control flow that leaves statements early, thrown through the evaluator (and the generator executor). */

/** break / continue. */
export class LoopSignal {
  constructor(readonly kind: 'break' | 'continue') {}
}

/** `return`: the value is on the frame's stack. */
export class ReturnSignal {}
