/**
 * How much one recorded step may hold. A teaching program at scale (100,000 squares, 100,000
 * instances) would otherwise record every object, every reference and every birth at every step:
 * minutes of recording and a page of a hundred megabytes. Python Tutor caps what it records and
 * says so; so does the recorder. The numbers are above what every small bundled lesson reaches
 * (docs/step-through.md, "Programs at scale", has the measurements), so those record exactly what they did.
 */
import type { RecordBounds } from './recording';

export const DEFAULT_BOUNDS: RecordBounds = {
  /**
   * Objects per step. A program with at most this many live objects is recorded whole (and
   * searched for stranded cycles); past it, a step records what the names reach first (every
   * name's own object always), then the oldest of the rest. The page draws 50 at most.
   */
  objects: 1000,
  /** References recorded per object: a box draws its first few and counts the rest. */
  referents: 100,
  /** Changes listed per step (the 100,000 frees of `del squares` are counted, not listed). */
  changes: 200,
};
