/**
 * What a check is: (a) an arbitrary of plain-data operations, (b) `observe`, which runs them on
 * components and returns plain JSON taken from outside them (the part a grader runs in a sandbox),
 * (c) `judge`, which compares an observation with the reference's (the trusted part), and the
 * hard situations its generator must reach, each recognised in the reference's observation.
 */
import type fc from 'fast-check';
import type { Components } from '../components';
import type { Allocator } from '../pymalloc/allocator';
import type { CheckFailure, CheckStatus } from './result';
import type { Deadline } from './deadline';

/** The components under test: any reference component replaced, and an allocator for allocator checks. */
export type CheckComponents = Partial<Components> & { readonly allocator?: () => Allocator };

/** A judgement against the component: why it did not pass. */
export interface Verdict {
  readonly status: Exclude<CheckStatus, 'pass'>;
  readonly failure: CheckFailure;
}

/**
 * How an observation crosses a process boundary when sending it whole would be wasteful: `encode`
 * runs beside `observe` (in a grader's sandbox), `decode` on the judge's side, refusing (by
 * throwing) anything `encode` could not have produced.
 */
export interface ObservationWire<Observation> {
  encode(observation: Observation): unknown;
  decode(wire: unknown): Observation;
}

/**
 * An observation as it arrived from another process: its JSON text, parsed (and validated) only
 * if it must be judged. A correct submission's observation is, character for character, the text
 * of the reference's own observation of the same operations: the judge then takes the reference's
 * observation itself, and the millions of characters a heap check's steps come to are neither
 * parsed nor compared object by object.
 */
export class ObservationText {
  constructor(
    readonly json: string,
    private readonly parseJson: (json: string) => unknown,
  ) {}

  /** The observation as plain data; throws on text that is not an acceptable observation. */
  parse(): unknown {
    return this.parseJson(this.json);
  }
}

export interface Check<Op, Observation> {
  /** Stable name. */
  readonly name: string;
  /** One sentence: what passing guarantees. */
  readonly meaning: string;
  /** Operation sequences biased toward the situations this check is about. */
  readonly ops: fc.Arbitrary<Op[]>;
  /** Runs by default: a student's check of one exercise stays under 3 s (docs/checks.md). */
  readonly numRuns: number;
  /** An operation as one readable line. */
  describe(op: Op): string;
  /** Run `ops` on `components` (the reference where none is given); deterministic, plain JSON out. */
  observe(components: CheckComponents, ops: readonly Op[], deadline: Deadline): Observation;
  /** The named invariants over `observed`, then the differential comparison with `reference`. */
  judge(ops: readonly Op[], observed: Observation, reference: Observation): Verdict | null;
  /** How observations travel from a sandbox, when not as they are. */
  readonly wire?: ObservationWire<Observation>;
  /** The hard situations, each recognised in the reference's observation of a run. */
  readonly situations: Readonly<Record<string, (ops: readonly Op[], reference: Observation) => boolean>>;
}

/** Any check, whatever its operations and observations (for tables of checks). */
export type AnyCheck = Check<any, any>;
