/**
 * Scenario files: a titled, commented sequence of heap operations (JSON), for teaching and for
 * the `pymemlab scenario` command. Reading one validates every field and reports the file, the
 * line and what was expected.
 */
import { ALLOC_KINDS, RING_KINDS } from './operations';
import type { AllocKind, HeapOp, RingKind, Slot } from './operations';

export interface Scenario {
  readonly title: string;
  readonly comment: string;
  readonly steps: readonly { readonly op: HeapOp; readonly note?: string }[];
}

export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'ScenarioError';
  }
}

/** The 1-based line of the n-th occurrence of `"op"` keys, to point errors at a step. */
function stepLines(text: string): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (/"op"\s*:/.test(line)) lines.push(i + 1);
  });
  return lines;
}

export function parseScenario(text: string, file: string): Scenario {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : 1;
    throw new ScenarioError(file, line, `not valid JSON (${message})`);
  }
  const top = data as Record<string, unknown>;
  if (typeof top !== 'object' || top === null || Array.isArray(top))
    throw new ScenarioError(file, 1, 'expected a JSON object with "title", "comment" and "steps"');
  if (typeof top.title !== 'string') throw new ScenarioError(file, 1, 'expected "title" to be a string');
  if (typeof top.comment !== 'string') throw new ScenarioError(file, 1, 'expected "comment" to be a string');
  if (!Array.isArray(top.steps)) throw new ScenarioError(file, 1, 'expected "steps" to be an array of operations');
  const lines = stepLines(text);
  const steps = top.steps.map((step: unknown, i: number) => {
    const line = lines[i] ?? 1;
    const fail = (what: string): never => {
      throw new ScenarioError(file, line, `step ${i + 1}: ${what}`);
    };
    if (typeof step !== 'object' || step === null) fail('expected an object with an "op" field');
    const s = step as Record<string, unknown>;
    const slot = (name: string): Slot => parseSlot(s[name], `"${name}"`, fail);
    const nat = (name: string, max: number): number => {
      const v = s[name];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max)
        fail(`expected "${name}" to be a whole number from 0 to ${max}, got ${JSON.stringify(v)}`);
      return v as number;
    };
    const note = typeof s.note === 'string' ? s.note : undefined;
    const op = ((): HeapOp => {
      switch (s.op) {
        case 'alloc': {
          if (!(ALLOC_KINDS as readonly string[]).includes(s.kind as string))
            fail(`expected "kind" to be one of ${ALLOC_KINDS.join(', ')}, got ${JSON.stringify(s.kind)}`);
          const items = s.items ?? [];
          if (!Array.isArray(items)) fail('expected "items" to be an array of slots');
          return {
            op: 'alloc',
            kind: s.kind as AllocKind,
            into: slot('into'),
            items: (items as unknown[]).map((v, k) => parseSlot(v, `items[${k}]`, fail)),
          };
        }
        case 'bind':
          return { op: 'bind', from: slot('from'), into: slot('into') };
        case 'unbind':
          return { op: 'unbind', slot: slot('slot') };
        case 'setField':
          return { op: 'setField', container: slot('container'), field: nat('field', 9), value: slot('value') };
        case 'delField':
          return { op: 'delField', container: slot('container'), field: nat('field', 9) };
        case 'weakref':
          return { op: 'weakref', target: slot('target'), callback: s.callback === true, into: slot('into') };
        case 'cycle': {
          const kinds = s.kinds;
          if (
            !Array.isArray(kinds) ||
            kinds.length === 0 ||
            !kinds.every((k) => (RING_KINDS as readonly unknown[]).includes(k))
          )
            fail(`expected "kinds" to be a non-empty array of ${RING_KINDS.join(', ')}, got ${JSON.stringify(kinds)}`);
          return { op: 'cycle', kinds: kinds as RingKind[], into: slot('into') };
        }
        case 'collect':
          return { op: 'collect', generation: nat('generation', 2) };
        case 'setThreshold':
          return {
            op: 'setThreshold',
            threshold0: nat('threshold0', 1_000_000),
            ...(s.threshold1 !== undefined ? { threshold1: nat('threshold1', 1_000_000) } : {}),
            ...(s.threshold2 !== undefined ? { threshold2: nat('threshold2', 1_000_000) } : {}),
          };
        case 'pushFrame':
        case 'popFrame':
        case 'dropResurrected':
        case 'freeze':
        case 'unfreeze':
          return { op: s.op };
        default:
          return fail(`unknown operation ${JSON.stringify(s.op)}`);
      }
    })();
    return { op, note };
  });
  return { title: top.title, comment: top.comment, steps };
}

function parseSlot(v: unknown, label: string, fail: (what: string) => never): Slot {
  if (typeof v !== 'string' || !/^[gl]\d$/.test(v))
    fail(`expected ${label} to name a slot like "g0" (global) or "l1" (local), got ${JSON.stringify(v)}`);
  const text = v as string;
  return { scope: text[0] === 'g' ? 'global' : 'local', index: Number(text.slice(1)) };
}
