/**
 * A check's time budget, enforced inside a run: a component that loops for ever while it uses the
 * runtime (refcounts, tp_dealloc, tp_clear, gc list moves) is stopped at the step it was in. A
 * loop that touches nothing of the runtime cannot be stopped from inside the process; the grader
 * runs `observe` in a child process it kills (docs/checks.md).
 */
import { setGcListWatchdog } from '../gc/gclist';

/** Thrown from inside a component when the budget is spent. */
export class CheckTimeoutError extends Error {
  constructor(readonly budgetMs: number) {
    super(`the time budget of ${budgetMs} ms ran out`);
    this.name = 'CheckTimeoutError';
  }
}

/** How many ticks pass between two looks at the clock (Date.now costs more than a tick). */
const TICKS_PER_LOOK = 1024;

export class Deadline {
  private ticks = 0;

  constructor(
    /** Date.now() after which a tick throws; Infinity for none. */
    readonly at: number,
    readonly budgetMs: number,
  ) {}

  static none(): Deadline {
    return new Deadline(Infinity, Infinity);
  }

  /** Called on every runtime operation a component makes; throws once the budget is spent. */
  tick(): void {
    if (++this.ticks % TICKS_PER_LOOK === 0) this.check();
  }

  check(): void {
    if (Date.now() > this.at) throw new CheckTimeoutError(this.budgetMs);
  }

  /** Run `body` with gc list moves ticking this deadline. */
  guard<T>(body: () => T): T {
    if (this.at === Infinity) return body();
    setGcListWatchdog(() => this.tick());
    try {
      return body();
    } finally {
      setGcListWatchdog(null);
    }
  }
}
